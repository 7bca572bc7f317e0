/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** What happened to a case. */
export type CaseEventType =
  /** A new case: started by a contact, created or reopened (a new case in the thread). */
  | 'CREATED'
  /** Events may be missing (see `resync`): refetch the cases you show. */
  | 'RESYNC'
  /** The case's status changed (to pending, active or closed). */
  | 'STATUS_CHANGED'
  /** Something else about the case changed, e.g. agents were invited. */
  | 'UPDATED';

/** Conditions on the case list. Conditions combine with AND. */
export type CaseFilter = {
  /** Only cases on this channel. `UNKNOWN` cannot be filtered on. */
  channel?: Channel | null | undefined;
  /** Only cases closed by this agent. */
  closedBy?: string | null | undefined;
  /** Only cases of this contact. */
  contactId?: string | null | undefined;
  /** Only cases reopened from this case. */
  parentId?: string | null | undefined;
  /** Only cases in this status. `UNKNOWN` cannot be filtered on. */
  status?: CaseStatus | null | undefined;
};

/** The state of a case. */
export type CaseStatus =
  /** An agent is handling the conversation. */
  | 'ACTIVE'
  /** The conversation has ended. */
  | 'CLOSED'
  /** Waiting for an agent to accept it. */
  | 'PENDING'
  /** Waiting in a routing queue until an agent of the queue is free (upstream `queue`; the webhook events name it). */
  | 'QUEUE'
  /** A status this version of the gateway does not know yet. */
  | 'UNKNOWN';

/** The channel a case or message travels on. */
export type Channel =
  /** An audio call. */
  | 'AUDIO_CALL'
  /** Live chat in the website widget or an SDK. */
  | 'CHAT'
  /** Email (upstream `mail`). */
  | 'EMAIL'
  /** A submitted private form. */
  | 'PRIVATE_FORM'
  /** Text messages over a connected phone number. */
  | 'SMS'
  /** A channel this version of the gateway does not know yet. */
  | 'UNKNOWN'
  /** A video call. */
  | 'VIDEO_CALL'
  /** A custom timeline view (card). */
  | 'VIEW'
  /** Phone calls and the text messages of the VoIP integration. */
  | 'VOIP';

/** Whether a department is active. */
export type DepartmentStatus =
  /** The department is active. */
  | 'ACTIVE'
  /** The department is disabled (a value the department page documents; no example shows one). */
  | 'DISABLED'
  /** A status this version of the gateway does not know yet. */
  | 'UNKNOWN';

/** What happened to a message. */
export type MessageEventType =
  /** A new message: a contact's reply, an agent's answer, a note. */
  | 'ADDED'
  /** The message was deleted. */
  | 'DELETED'
  /** Events may be missing (see `resync`): refetch the case's messages. */
  | 'RESYNC'
  /** The message's text was changed. */
  | 'UPDATED';

/** What kind of line a message is in the conversation. */
export type MessageType =
  /** A system line, such as "The visitor started chat." */
  | 'EVENT'
  /** A message between the contact and agents. */
  | 'MESSAGE'
  /** An internal note, visible to agents only. */
  | 'NOTE'
  /** A text message. */
  | 'SMS'
  /** A type this version of the gateway does not know yet. */
  | 'UNKNOWN';

/** Whether a case participant is an agent or the contact. */
export type ParticipantType =
  /** The contact. */
  | 'CONTACT'
  /** A participant type this version of the gateway does not know yet; neither `user` nor `contact` resolves. */
  | 'UNKNOWN'
  /** An agent. */
  | 'USER';

/** Why a subscriber is told to refetch. */
export type ResyncReason =
  /** The `after` cursor is not in the log: past the retention window, or from a log that was lost. */
  | 'CURSOR_UNKNOWN'
  /** Events were lost between replicas (Redis restarted without its data, or a replica's waiting events outgrew their bound). */
  | 'EVENTS_LOST'
  /** The subscriber took its events more slowly than they came, and its queue of waiting events overflowed. */
  | 'SLOW_SUBSCRIBER';

/** Who sent a message. */
export type SenderType =
  /** The contact. */
  | 'CONTACT'
  /** A sender type this version of the gateway does not know yet. Refused as an input. */
  | 'UNKNOWN'
  /** An agent (or the API key's own pseudo-agent). */
  | 'USER';

/** Whether an agent's account is active (not its presence: see `AgentPresence`). */
export type UserStatus =
  /** The account is active (the only value the upstream's examples show). */
  | 'ACTIVE'
  /** The account is not active. */
  | 'INACTIVE'
  /** A status this version of the gateway does not know yet. */
  | 'UNKNOWN';

export type AgentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentsQuery = { users: Array<{ id: string, name: string | null, email: string | null, photo: string | null }> };

export type CaseDetailsQueryVariables = Exact<{
  id: string;
}>;


export type CaseDetailsQuery = { case: { id: string, title: string | null, description: string | null, channel: Channel | null, status: CaseStatus | null, threadId: string | null, dateCreated: string | null, dateClosed: string | null, closingState: string | null, waitTime: string | null, fields: unknown, feedbacks: Array<unknown>, contact: { id: string, name: string | null, email: string | null, phone: string | null, clientName: string | null, clientOsName: string | null, archived: boolean | null } | null, users: Array<{ id: string, type: ParticipantType, role: string | null, status: string | null, closed: boolean | null, user: { id: string, name: string | null, email: string | null, photo: string | null } | null, contact: { id: string, name: string | null } | null }>, messages: Array<{ id: string, type: MessageType | null, text: string | null, senderType: SenderType | null, seen: boolean | null, dateCreated: string | null, sender:
        | { __typename: 'Contact', id: string, name: string | null }
        | { __typename: 'User', id: string, name: string | null }
       | null }>, timeline: Array<{ id: string, objectType: string | null, dateCreated: string | null }>, parent: { id: string, title: string | null, status: CaseStatus | null } | null } | null };

export type CloseCaseWithFeedbackMutationVariables = Exact<{
  caseId: string;
}>;


export type CloseCaseWithFeedbackMutation = { closeCase: { case: { id: string, status: CaseStatus | null, closingState: string | null, dateClosed: string | null, feedbacks: Array<unknown> } } };

export type ContactWithCasesQueryVariables = Exact<{
  id: string;
}>;


export type ContactWithCasesQuery = { contact: { id: string, name: string | null, email: string | null, phone: string | null, fields: unknown, clientType: string | null, archived: boolean | null, cases: Array<{ id: string, title: string | null, status: CaseStatus | null, channel: Channel | null, dateCreated: string | null }> } | null };

export type CreateContactMutationVariables = Exact<{
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}>;


export type CreateContactMutation = { createContact: { contact: { id: string, name: string | null, email: string | null, phone: string | null } } };

export type DeleteMessageMutationVariables = Exact<{
  id: string;
}>;


export type DeleteMessageMutation = { deleteMessage: { deletedMessageId: string } };

export type EditMessageMutationVariables = Exact<{
  id: string;
  text: string;
}>;


export type EditMessageMutation = { updateMessage: { message: { id: string, text: string | null, dateUpdated: string | null } } };

export type InternalNoteMutationVariables = Exact<{
  caseId: string;
  text: string;
}>;


export type InternalNoteMutation = { sendMessage: { message: { id: string, type: MessageType | null, text: string | null, dateCreated: string | null, sender:
        | { id: string, name: string | null }
        | Record<PropertyKey, never>
       | null } } };

export type InviteAgentsMutationVariables = Exact<{
  caseId: string;
  agentIds?: Array<string> | string | null | undefined;
  departmentIds?: Array<string> | string | null | undefined;
}>;


export type InviteAgentsMutation = { inviteToCase: { invitations: Array<{ userId: string, online: boolean, sent: boolean }> } };

export type ConversationSubscriptionVariables = Exact<{
  caseId: string;
  after?: string | null | undefined;
}>;


export type ConversationSubscription = { messageEvents: { id: string, type: MessageEventType, messageId: string | null, message: { id: string, text: string | null, senderType: SenderType | null, dateCreated: string | null, sender:
        | { id: string, name: string | null }
        | { id: string, name: string | null }
       | null } | null, resync: { reason: ResyncReason, after: string | null } | null } };

export type InboxSubscriptionVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxSubscription = { caseEvents: { id: string, type: CaseEventType, occurredAt: string, case: { id: string, title: string | null, status: CaseStatus | null, channel: Channel | null, dateCreated: string | null, contact: { id: string, name: string | null, email: string | null } | null, users: Array<{ id: string, type: ParticipantType, status: string | null, user: { id: string, name: string | null } | null }>, lastMessage: { id: string, text: string | null, senderType: SenderType | null, dateCreated: string | null } | null } | null, resync: { reason: ResyncReason, after: string | null } | null } };

export type NoteOnContactMutationVariables = Exact<{
  contactId: string;
  title?: string | null | undefined;
  text: string;
  mentionedUserIds?: Array<string> | string | null | undefined;
}>;


export type NoteOnContactMutation = { createNote: { note: { id: string, title: string | null, dateCreated: string | null, author: { id: string, name: string | null } | null, users: Array<{ id: string, name: string | null }>, lastMessage: { id: string, text: string | null } | null } } };

export type QueueNewestFirstQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type QueueNewestFirstQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string | null, channel: Channel | null, dateCreated: string | null, waitSeconds: number | null, contact: { id: string, name: string | null, email: string | null } | null, lastMessage: { id: string, text: string | null, senderType: SenderType | null, dateCreated: string | null } | null } }> } };

export type RecentCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CaseFilter | null | undefined;
}>;


export type RecentCasesQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string | null, status: CaseStatus | null, channel: Channel | null, dateCreated: string | null, contact: { id: string, name: string | null, email: string | null } | null, users: Array<{ id: string, type: ParticipantType, status: string | null, user: { id: string, name: string | null } | null }>, lastMessage: { id: string, text: string | null, senderType: SenderType | null, dateCreated: string | null } | null } }> } };

export type ReopenThreadMutationVariables = Exact<{
  contactId: string;
  threadId: string;
  message?: string | null | undefined;
}>;


export type ReopenThreadMutation = { reopenCase: { case: { id: string, status: CaseStatus | null, threadId: string | null, parent: { id: string, status: CaseStatus | null } | null } } };

export type SendChatMessageMutationVariables = Exact<{
  caseId: string;
  text: string;
}>;


export type SendChatMessageMutation = { sendMessage: { message: { id: string, caseId: string | null, channel: Channel | null, type: MessageType | null, text: string | null, senderType: SenderType | null, dateCreated: string | null } } };

export type SendEmailReplyMutationVariables = Exact<{
  caseId: string;
  body: string;
  from: string;
  to: Array<string> | string;
  subject?: string | null | undefined;
}>;


export type SendEmailReplyMutation = { sendMessage: { message: { id: string, caseId: string | null, channel: Channel | null, text: string | null, dateCreated: string | null } } };

export type SendSmsMutationVariables = Exact<{
  caseId: string;
  text: string;
  from: string;
  to: string;
}>;


export type SendSmsMutation = { sendMessage: { message: { id: string, caseId: string | null, type: MessageType | null, text: string | null, dateCreated: string | null } } };

export type SnoozeCaseMutationVariables = Exact<{
  caseId: string;
  until: string;
  message?: string | null | undefined;
}>;


export type SnoozeCaseMutation = { snoozeCase: { snooze: { id: string, until: string | null, message: string | null, author: { id: string, name: string | null } | null }, case: { id: string, title: string | null, status: CaseStatus | null } } };

export type StartConversationMutationVariables = Exact<{
  contactId: string;
  title?: string | null | undefined;
  message?: string | null | undefined;
}>;


export type StartConversationMutation = { createCase: { case: { id: string, status: CaseStatus | null, channel: Channel | null, title: string | null, contact: { id: string, name: string | null } | null } } };

export type TakeFromQueueMutationVariables = Exact<{
  caseId: string;
}>;


export type TakeFromQueueMutation = { joinCase: { case: { id: string, status: CaseStatus | null, dateActive: string | null, waitSeconds: number | null, users: Array<{ id: string, type: ParticipantType, status: string | null, user: { id: string, name: string | null } | null }>, contact: { id: string, name: string | null } | null } } };

export type TeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsQuery = { departments: Array<{ id: string, name: string | null, status: DepartmentStatus | null, members: Array<{ id: string, name: string | null, status: UserStatus | null }> }> };

export type ThreadQueryVariables = Exact<{
  contactId: string;
  threadId: string;
}>;


export type ThreadQuery = { thread: Array<{ id: string, status: CaseStatus | null, dateCreated: string | null, dateClosed: string | null, users: Array<{ id: string, type: ParticipantType, user: { id: string, name: string | null } | null }>, lastMessage: { id: string, text: string | null, senderType: SenderType | null, dateCreated: string | null } | null }> };
