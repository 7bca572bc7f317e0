import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CaseRecord, CompanyRecord, ParticipantRecord, ContactRecord, DepartmentRecord, EmailAddressRecord, EmailRecord, InvitationRecord, MessageRecord, NoteRecord, NoteMessageRecord, SmsRecord, SnoozeRecord, TagRecord, TimelineRecord, UserRecord, PresenceRecord } from '../domain/records.js';
import type { CaseEventPayload, MessageEventPayload } from '../domain/events.js';
import type { GatewayContext } from '../domain/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An ISO-8601 date and time in UTC, for example `2021-03-30T16:05:46.000Z`.
   * Upstream timestamps without a zone are read as UTC.
   */
  DateTime: { input: string; output: string; }
  /** Any JSON value. Used where the Acquire API documents no shape (feedbacks, meta, custom fields). */
  JSON: { input: unknown; output: unknown; }
};

/** Which note, and the message. */
export type AddNoteMessageInput = {
  /** Agents to mention (user ids); they are notified. */
  readonly mentionedUserIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** The note to add to. */
  readonly noteId: Scalars['ID']['input'];
  /** The message of the note this one answers, if any. */
  readonly parentMessageId?: InputMaybe<Scalars['ID']['input']>;
  /** The text of the message. */
  readonly text: Scalars['String']['input'];
};

/** The result of `addNoteMessage`. */
export type AddNoteMessagePayload = {
  readonly __typename?: 'AddNoteMessagePayload';
  /** The new message. */
  readonly message: NoteMessage;
};

/** Whether an agent is available for conversations. */
export type AgentAvailability =
  /** Available. */
  | 'AVAILABLE'
  /** Not available. */
  | 'UNAVAILABLE'
  /** A value this version of the gateway does not know yet. */
  | 'UNKNOWN';

/** An agent's presence, as an Agent Status Change webhook told it: distinct from its account's `status`. */
export type AgentPresence = {
  readonly __typename?: 'AgentPresence';
  /** Whether the agent is available for conversations; null when the webhook did not say. */
  readonly availability?: Maybe<AgentAvailability>;
  /** When the gateway received the webhook. */
  readonly changedAt: Scalars['DateTime']['output'];
  /** The channels the webhook says the agent has turned on (chat, e-mail, VoIP); null when it did not say. */
  readonly channels?: Maybe<ReadonlyArray<Channel>>;
};

/** Which contacts to block, and until when. */
export type BlockContactsInput = {
  /** The contacts to block: 1 to 100 ids. */
  readonly contactIds: ReadonlyArray<Scalars['ID']['input']>;
  /** When the block ends; without it, it does not. */
  readonly until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The result of `blockContacts`. */
export type BlockContactsPayload = {
  readonly __typename?: 'BlockContactsPayload';
  /** The contacts now blocked. */
  readonly blockedContactIds: ReadonlyArray<Scalars['ID']['output']>;
  /** When the block ends; null when it does not. */
  readonly until?: Maybe<Scalars['DateTime']['output']>;
};

/** Who may reuse an answer, in `Cache-Control`: Apollo's cache-control scopes. */
export type CacheControlScope =
  /** Only the cache of the client that asked. */
  | 'PRIVATE'
  /** Any client's cache, shared caches included. */
  | 'PUBLIC';

/**
 * A conversation with a contact over one channel: Acquire's unit of support work.
 * A thread groups a case with the cases reopened from it.
 */
export type Case = {
  readonly __typename?: 'Case';
  /** The channel of the conversation. */
  readonly channel?: Maybe<Channel>;
  /** The agent who closed the case; null while it is open, or when the agent directory does not know the agent. */
  readonly closedBy?: Maybe<User>;
  /** The id of the agent who closed the case. */
  readonly closedById?: Maybe<Scalars['ID']['output']>;
  /** How the case was closed; the only value the upstream documents is `handled`. */
  readonly closingState?: Maybe<Scalars['String']['output']>;
  /** The contact the conversation is with. */
  readonly contact?: Maybe<Contact>;
  /** The id of the contact the conversation is with. */
  readonly contactId?: Maybe<Scalars['ID']['output']>;
  /** When an agent took the case. */
  readonly dateActive?: Maybe<Scalars['DateTime']['output']>;
  /** When the case was closed. */
  readonly dateClosed?: Maybe<Scalars['DateTime']['output']>;
  /** When the case was created. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** When the case became pending. */
  readonly datePending?: Maybe<Scalars['DateTime']['output']>;
  /** When the case entered the queue. */
  readonly dateQueue?: Maybe<Scalars['DateTime']['output']>;
  /** When the case last changed. */
  readonly dateUpdated?: Maybe<Scalars['DateTime']['output']>;
  /** A short description; often the first message. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Feedback the contact gave on this case, as the upstream returns it (its shape is not documented). */
  readonly feedbacks: ReadonlyArray<Scalars['JSON']['output']>;
  /** The custom fields of the case. */
  readonly fields?: Maybe<Scalars['JSON']['output']>;
  /** The case id. */
  readonly id: Scalars['ID']['output'];
  /** The newest message of the case. */
  readonly lastMessage?: Maybe<Message>;
  /** The messages of the case, oldest first. */
  readonly messages: ReadonlyArray<Message>;
  /** Extra data the upstream keeps with the case, such as its routing queues (its shape is not documented). */
  readonly meta?: Maybe<Scalars['JSON']['output']>;
  /** The case this one was reopened from, if any. */
  readonly parent?: Maybe<Case>;
  /** The routing queue the case waits in, if any. */
  readonly queueId?: Maybe<Scalars['ID']['output']>;
  /** The case's place in its queue (0 when it is not queued). */
  readonly queueOrder?: Maybe<Scalars['Int']['output']>;
  /** Where the case stands. */
  readonly status?: Maybe<CaseStatus>;
  /** The tags of the case. */
  readonly tags: ReadonlyArray<Tag>;
  /** The thread the case belongs to: its own id, or the id of the case it was reopened from. */
  readonly threadId?: Maybe<Scalars['ID']['output']>;
  /** The timeline entries of the case. */
  readonly timeline: ReadonlyArray<TimelineEntry>;
  /** The contact's timeline entry for this case (what an SMS to the case names). Selecting it makes a case list read whole rows: the upstream's `select=` does not list it. */
  readonly timelineId?: Maybe<Scalars['ID']['output']>;
  /** The title shown in the inbox. */
  readonly title?: Maybe<Scalars['String']['output']>;
  /** The third-party app user that initiated the case, if any. */
  readonly userId?: Maybe<Scalars['ID']['output']>;
  /** The agents and the contact taking part in the case. */
  readonly users: ReadonlyArray<CaseParticipant>;
  /** Seconds the contact waited for an agent, as a number; null when the upstream's value is not a whole number. */
  readonly waitSeconds?: Maybe<Scalars['Int']['output']>;
  /** Seconds the contact waited for an agent, as a string as the upstream documents it (it sends a number); see `waitSeconds`. */
  readonly waitTime?: Maybe<Scalars['String']['output']>;
};

/** A page of cases. */
export type CaseConnection = {
  readonly __typename?: 'CaseConnection';
  /** The cases of this page, each with its cursor. */
  readonly edges: ReadonlyArray<CaseEdge>;
  /** The cases of this page, without cursors. */
  readonly nodes: ReadonlyArray<Case>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many cases match the filter in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** A case and its position in a case list. */
export type CaseEdge = {
  readonly __typename?: 'CaseEdge';
  /** An opaque cursor for this case's place in the list; pass it as `after` (or `before`) to read the cases that follow (or come before). */
  readonly cursor: Scalars['String']['output'];
  /** The case. */
  readonly node: Case;
};

/** Something that happened to a case. */
export type CaseEvent = {
  readonly __typename?: 'CaseEvent';
  /**
   * The case, read with the subscriber's key when the event arrived. Null, with the error at this
   * path (e.g. `FORBIDDEN` for a key without case permission), when it cannot be read; null on
   * `RESYNC`.
   */
  readonly case?: Maybe<Case>;
  /** The event's place in the event log: pass the last one received as `after` to resume. */
  readonly id: Scalars['ID']['output'];
  /** When it happened, as far as the gateway knows: when the webhook, the write or the poll reported it. */
  readonly occurredAt: Scalars['DateTime']['output'];
  /** On `RESYNC` only: which events may be missing. */
  readonly resync?: Maybe<Resync>;
  /** What happened. */
  readonly type: CaseEventType;
};

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
  readonly channel?: InputMaybe<Channel>;
  /** Only cases closed by this agent. */
  readonly closedBy?: InputMaybe<Scalars['ID']['input']>;
  /** Only cases of this contact. */
  readonly contactId?: InputMaybe<Scalars['ID']['input']>;
  /** Only cases reopened from this case. */
  readonly parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Only cases in this status. `UNKNOWN` cannot be filtered on. */
  readonly status?: InputMaybe<CaseStatus>;
};

/** The order of a case list, in the shape of GitHub's orderings. */
export type CaseOrder = {
  /** Ascending or descending. */
  readonly direction: OrderDirection;
  /** What to order by. */
  readonly field: CaseOrderField;
};

/** What a case list can be ordered by. */
export type CaseOrderField =
  /** When the case was created (the order of case ids). */
  | 'CREATED_AT';

/** An agent or the contact taking part in a case. */
export type CaseParticipant = {
  readonly __typename?: 'CaseParticipant';
  /** Whether the participant has left the case. */
  readonly closed?: Maybe<Scalars['Boolean']['output']>;
  /** The contact, when `type` is CONTACT. */
  readonly contact?: Maybe<Contact>;
  /** When the case was last assigned to the participant. */
  readonly dateLastAssigned?: Maybe<Scalars['DateTime']['output']>;
  /** The id of the participation (not of the agent or contact). */
  readonly id: Scalars['ID']['output'];
  /** The role in the case; the upstream documents only `owner`. */
  readonly role?: Maybe<Scalars['String']['output']>;
  /** Where the participation stands: `active`, `assigned`, `joined`, `rejected`, `ignored` and others. */
  readonly status?: Maybe<Scalars['String']['output']>;
  /** Whether this is an agent or the contact. */
  readonly type: ParticipantType;
  /** The agent, when `type` is USER. */
  readonly user?: Maybe<User>;
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

/** Which case to close, and how. */
export type CloseCaseInput = {
  /** Ask the contact for feedback on closing (undocumented upstream; passed through). */
  readonly askFeedback?: InputMaybe<Scalars['Boolean']['input']>;
  /** The case to close. */
  readonly caseId: Scalars['ID']['input'];
  /** How it was closed, for example `handled`. */
  readonly closingState?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `closeCase`. */
export type CloseCasePayload = {
  readonly __typename?: 'CloseCasePayload';
  /** The case as it stands after closing. */
  readonly case: Case;
};

/** A company that contacts belong to. */
export type Company = {
  readonly __typename?: 'Company';
  /** When the company was created. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** When the company last changed. */
  readonly dateUpdated?: Maybe<Scalars['DateTime']['output']>;
  /** All fields of the company (name, website, industry, description, address...), as one object. */
  readonly fields?: Maybe<Scalars['JSON']['output']>;
  /** The company id. */
  readonly id: Scalars['ID']['output'];
  /** The address of the company's logo, from its fields. */
  readonly logo?: Maybe<Scalars['String']['output']>;
  /** The company's name, from its fields. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The company's website, from its fields. */
  readonly website?: Maybe<Scalars['String']['output']>;
};

/** A customer or visitor that talks to the support team. */
export type Contact = {
  readonly __typename?: 'Contact';
  /** Whether the contact is archived (upstream `archive`). */
  readonly archived?: Maybe<Scalars['Boolean']['output']>;
  /** The contact's cases. */
  readonly cases: ReadonlyArray<Case>;
  /** What the upstream knows of the client (user agent, engine, network). */
  readonly clientDetails?: Maybe<Scalars['JSON']['output']>;
  /** The kind of device, such as Desktop or Mobile. */
  readonly clientDeviceType?: Maybe<Scalars['String']['output']>;
  /** The contact's browser or app. */
  readonly clientName?: Maybe<Scalars['String']['output']>;
  /** The contact's operating system. */
  readonly clientOsName?: Maybe<Scalars['String']['output']>;
  /** The version of the operating system. */
  readonly clientOsVersion?: Maybe<Scalars['String']['output']>;
  /** How the contact reached Acquire: `web`, `client`, `sdk` or `api`. */
  readonly clientType?: Maybe<Scalars['String']['output']>;
  /** The version of the browser or app. */
  readonly clientVersion?: Maybe<Scalars['String']['output']>;
  /** The contact's company. */
  readonly company?: Maybe<Company>;
  /** The id of the contact's company. */
  readonly companyId?: Maybe<Scalars['ID']['output']>;
  /** When the contact was created. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** When the contact last changed. */
  readonly dateUpdated?: Maybe<Scalars['DateTime']['output']>;
  /** The contact's email address, from its fields. */
  readonly email?: Maybe<Scalars['String']['output']>;
  /** All fields of the contact (name, email, phone, city, state, country, custom attributes), as one object. */
  readonly fields?: Maybe<Scalars['JSON']['output']>;
  /** The contact id. */
  readonly id: Scalars['ID']['output'];
  /** The contact's name, from its fields. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The internal notes about the contact, newest first (as the upstream lists them). */
  readonly notes: NoteConnection;
  /** The contact's phone number, from its fields. */
  readonly phone?: Maybe<Scalars['String']['output']>;
  /** The contact's tags. */
  readonly tags: ReadonlyArray<Tag>;
};


/** A customer or visitor that talks to the support team. */
export type ContactNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of contacts. */
export type ContactConnection = {
  readonly __typename?: 'ContactConnection';
  /** The contacts of this page, each with its cursor. */
  readonly edges: ReadonlyArray<ContactEdge>;
  /** The contacts of this page, without cursors. */
  readonly nodes: ReadonlyArray<Contact>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many contacts the list (or the search) has in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** A contact and its position in a contact list. */
export type ContactEdge = {
  readonly __typename?: 'ContactEdge';
  /** An opaque cursor for this position; pass it as `after` to read the contacts that follow. */
  readonly cursor: Scalars['String']['output'];
  /** The contact. */
  readonly node: Contact;
};

/** What to create. */
export type CreateCaseInput = {
  /** The channel of the case. */
  readonly channel?: InputMaybe<Channel>;
  /** The contact to start the conversation with. */
  readonly contactId: Scalars['ID']['input'];
  /** A first message; it also becomes the case description. */
  readonly message?: InputMaybe<Scalars['String']['input']>;
  /** The title of the case. */
  readonly title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createCase`. */
export type CreateCasePayload = {
  readonly __typename?: 'CreateCasePayload';
  /** The new case. */
  readonly case: Case;
};

/** A new contact's details; all are optional, as upstream. */
export type CreateContactInput = {
  /** The contact's city. */
  readonly city?: InputMaybe<Scalars['String']['input']>;
  /** The id of the contact's country, in the upstream's list of countries. */
  readonly countryId?: InputMaybe<Scalars['ID']['input']>;
  /** Custom attributes by key (Settings > Account Settings > Custom Attributes); values of radio and drop-down attributes must be one of their options. */
  readonly customAttributes?: InputMaybe<Scalars['JSON']['input']>;
  /** The contact's email address. */
  readonly email?: InputMaybe<Scalars['String']['input']>;
  /** The contact's name. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** The contact's phone number. */
  readonly phone?: InputMaybe<Scalars['String']['input']>;
  /** The contact's state or region. */
  readonly state?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createContact`. */
export type CreateContactPayload = {
  readonly __typename?: 'CreateContactPayload';
  /** The new contact. */
  readonly contact: Contact;
};

/** The contact, and the note. */
export type CreateNoteInput = {
  /** The contact the note is about. */
  readonly contactId: Scalars['ID']['input'];
  /** A description of the note. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Agents to mention (user ids); they are notified. */
  readonly mentionedUserIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** The note's first message. */
  readonly text: Scalars['String']['input'];
  /** A title for the note. */
  readonly title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createNote`. */
export type CreateNotePayload = {
  readonly __typename?: 'CreateNotePayload';
  /** The new note. */
  readonly note: Note;
};

/** Which message to delete. */
export type DeleteMessageInput = {
  /** The message to delete. */
  readonly id: Scalars['ID']['input'];
};

/** The result of `deleteMessage`. */
export type DeleteMessagePayload = {
  readonly __typename?: 'DeleteMessagePayload';
  /** The id of the message that was deleted. */
  readonly deletedMessageId: Scalars['ID']['output'];
};

/** Which note to delete. */
export type DeleteNoteInput = {
  /** The note to delete. */
  readonly id: Scalars['ID']['input'];
};

/** The result of `deleteNote`. */
export type DeleteNotePayload = {
  readonly __typename?: 'DeleteNotePayload';
  /** The id of the note that was deleted. */
  readonly deletedNoteId: Scalars['ID']['output'];
};

/** A department (team) of agents, which cases can be routed or invited to. */
export type Department = {
  readonly __typename?: 'Department';
  /** The department id. */
  readonly id: Scalars['ID']['output'];
  /** The agents of the department. */
  readonly members: ReadonlyArray<User>;
  /** The department's name. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** Whether the department is active. */
  readonly status?: Maybe<DepartmentStatus>;
};

/** Whether a department is active. */
export type DepartmentStatus =
  /** The department is active. */
  | 'ACTIVE'
  /** The department is disabled (a value the department page documents; no example shows one). */
  | 'DISABLED'
  /** A status this version of the gateway does not know yet. */
  | 'UNKNOWN';

/** An email address, with the name that goes with it when there is one. */
export type EmailAddress = {
  readonly __typename?: 'EmailAddress';
  /** The address. */
  readonly email: Scalars['String']['output'];
  /** The display name. */
  readonly name?: Maybe<Scalars['String']['output']>;
};

/** The mail fields of an email message. */
export type EmailDetails = {
  readonly __typename?: 'EmailDetails';
  /** Blind carbon-copy recipients. */
  readonly bcc: ReadonlyArray<EmailAddress>;
  /** Carbon-copy recipients. */
  readonly cc: ReadonlyArray<EmailAddress>;
  /** The sending address. */
  readonly from?: Maybe<EmailAddress>;
  /** The subject line. */
  readonly subject?: Maybe<Scalars['String']['output']>;
  /** The recipients. */
  readonly to: ReadonlyArray<EmailAddress>;
};

/** Email details of a message. */
export type EmailMessageInput = {
  /** Blind carbon-copy addresses. */
  readonly bcc?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Carbon-copy addresses. */
  readonly cc?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Your Acquire-connected email address. */
  readonly from: Scalars['String']['input'];
  /** The body as HTML, sent as is, for callers who mean markup; instead of `text`, not with it. */
  readonly html?: InputMaybe<Scalars['String']['input']>;
  /** The subject line. */
  readonly subject?: InputMaybe<Scalars['String']['input']>;
  /** The recipients' addresses. */
  readonly to: ReadonlyArray<Scalars['String']['input']>;
};

/** The outcome of inviting one agent. */
export type Invitation = {
  readonly __typename?: 'Invitation';
  /** Whether the agent was online. */
  readonly online: Scalars['Boolean']['output'];
  /** Whether the in-app notification was delivered. */
  readonly sent: Scalars['Boolean']['output'];
  /** The invited agent. */
  readonly userId: Scalars['ID']['output'];
};

/** Which case, and whom to invite. Give at least one agent or department. */
export type InviteToCaseInput = {
  /** Agents (user ids) to invite. */
  readonly agentIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** The case to invite to. */
  readonly caseId: Scalars['ID']['input'];
  /** Departments to invite; every agent of each is notified. */
  readonly departmentIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
};

/** The result of `inviteToCase`. */
export type InviteToCasePayload = {
  readonly __typename?: 'InviteToCasePayload';
  /** One entry per invited agent. */
  readonly invitations: ReadonlyArray<Invitation>;
};

/** Which case to take. */
export type JoinCaseInput = {
  /** The case: a waiting one (`QUEUE` or `PENDING`), or an active one to join as one more agent. */
  readonly caseId: Scalars['ID']['input'];
};

/** The result of `joinCase`. */
export type JoinCasePayload = {
  readonly __typename?: 'JoinCasePayload';
  /** The case as Acquire answered the join: `ACTIVE`, with the key's agent among its users. */
  readonly case: Case;
};

/** The primary contact, and the contacts to merge into it. */
export type MergeContactsInput = {
  /** The contacts merged into it and then gone: 1 to 50 ids, not the primary. */
  readonly contactIds: ReadonlyArray<Scalars['ID']['input']>;
  /** The contact that stays. */
  readonly primaryContactId: Scalars['ID']['input'];
};

/** The result of `mergeContacts`. */
export type MergeContactsPayload = {
  readonly __typename?: 'MergeContactsPayload';
  /** The primary contact, with what was merged into it. */
  readonly contact: Contact;
  /** The contacts that were merged into it (and no longer exist). */
  readonly mergedContactIds: ReadonlyArray<Scalars['ID']['output']>;
};

/** A line in a case's conversation. */
export type Message = {
  readonly __typename?: 'Message';
  /** The case the message belongs to. */
  readonly case?: Maybe<Case>;
  /** The id of the case the message belongs to. */
  readonly caseId?: Maybe<Scalars['ID']['output']>;
  /** The channel the message was sent on. */
  readonly channel?: Maybe<Channel>;
  /** When it was sent. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** When it was last edited. */
  readonly dateUpdated?: Maybe<Scalars['DateTime']['output']>;
  /** The mail fields of an email; null unless the read carried them (the answer of `sendMessage` does, a case's messages do not). */
  readonly email?: Maybe<EmailDetails>;
  /** The message id. */
  readonly id: Scalars['ID']['output'];
  /** Extra data the upstream keeps with the message. */
  readonly meta?: Maybe<Scalars['JSON']['output']>;
  /** Whether the other side has seen it. */
  readonly seen?: Maybe<Scalars['Boolean']['output']>;
  /**
   * The agent or contact that sent it. An agent comes as the read of the message embedded it (a
   * message read, and the answers of send and update, do; messages sent with an API key show its
   * pseudo-agent, named after the key), else from the agent directory; null when neither knows it.
   */
  readonly sender?: Maybe<Sender>;
  /** The id of the agent or contact that sent it. */
  readonly senderId?: Maybe<Scalars['ID']['output']>;
  /** Whether an agent or the contact sent it. */
  readonly senderType?: Maybe<SenderType>;
  /** The text-message fields of an SMS; null unless the read carried them (the answer of `sendMessage` does, a case's messages do not). */
  readonly sms?: Maybe<SmsDetails>;
  /** The text of the message (Markdown and image embeds may appear). */
  readonly text?: Maybe<Scalars['String']['output']>;
  /** What kind of line it is. */
  readonly type?: Maybe<MessageType>;
};

/** Something that happened to a message of a case. */
export type MessageEvent = {
  readonly __typename?: 'MessageEvent';
  /** The message's case, read with the subscriber's key when the event arrived. */
  readonly case?: Maybe<Case>;
  /** The event's place in the event log: pass the last one received as `after` to resume. */
  readonly id: Scalars['ID']['output'];
  /**
   * The message, read with the subscriber's key when the event arrived; null after `DELETED`, or with
   * the error at this path when it cannot be read. Null on `RESYNC`.
   */
  readonly message?: Maybe<Message>;
  /** The id of the message; after `DELETED`, the only thing left of it. Null on `RESYNC`. */
  readonly messageId?: Maybe<Scalars['ID']['output']>;
  /** When it happened, as far as the gateway knows. */
  readonly occurredAt: Scalars['DateTime']['output'];
  /** On `RESYNC` only: which events may be missing. */
  readonly resync?: Maybe<Resync>;
  /** What happened. */
  readonly type: MessageEventType;
};

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

/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type Mutation = {
  readonly __typename?: 'Mutation';
  /** Add a message to a note's thread (the note is read first: the upstream wants its contact). */
  readonly addNoteMessage: AddNoteMessagePayload;
  /** Block contacts from the contact list and the chat widget, for good or until a date. */
  readonly blockContacts: BlockContactsPayload;
  /** Close a case, and return it as it stands after closing. */
  readonly closeCase: CloseCasePayload;
  /** Start a new case (conversation) with a contact. */
  readonly createCase: CreateCasePayload;
  /** Add a contact, for example to start a conversation with a new customer (`createCase` next). */
  readonly createContact: CreateContactPayload;
  /** Write an internal note about a contact, visible to agents only; mentioned agents are notified. */
  readonly createNote: CreateNotePayload;
  /** Delete a message. This cannot be undone. The message is read first, to tell its case's `messageEvents` subscribers. */
  readonly deleteMessage: DeleteMessagePayload;
  /** Delete a note and its messages. This cannot be undone. */
  readonly deleteNote: DeleteNotePayload;
  /** Invite agents and/or departments to a case. They get an in-app notification, which they can accept to join. */
  readonly inviteToCase: InviteToCasePayload;
  /**
   * Take a case: the key's pseudo-agent joins it, and a waiting case becomes `ACTIVE` (Acquire shows
   * the API key's token name as the agent). Follows the 2021 drafts of Acquire's docs
   * (`POST /crm/messenger/chat/join`), the only pages that document it.
   */
  readonly joinCase: JoinCasePayload;
  /**
   * Merge contacts into one: their conversations, notes and views move to the primary contact, and
   * where their details differ, Acquire keeps both on the primary (its docs' example: both emails).
   * The others are gone afterwards. This cannot be undone.
   */
  readonly mergeContacts: MergeContactsPayload;
  /**
   * Turn a case down: it goes back to its queue (`QUEUE`), for another agent. Follows the 2021 drafts
   * of Acquire's docs (`POST /crm/messenger/chat/reject`), the only pages that document it.
   */
  readonly rejectCase: RejectCasePayload;
  /** Reopen a closed conversation thread. The upstream creates a new case in that thread. */
  readonly reopenCase: ReopenCasePayload;
  /**
   * Send a message to a case: a chat message, an email reply or an SMS.
   * Only active cases accept messages. The message appears under the API key's name.
   */
  readonly sendMessage: SendMessagePayload;
  /**
   * Snooze a case: Acquire takes the conversation out of the agents' active view until a time.
   * Returns the snooze (keep its id to remove it early) and the case.
   */
  readonly snoozeCase: SnoozeCasePayload;
  /**
   * Remove a snooze before it elapses. Acquire's docs mark this endpoint "under construction", and
   * only the agent who created a snooze may remove it: an API key acts as its own agent, so it can
   * remove the snoozes it created and no others (`FORBIDDEN`). Acquire documents no way to list
   * a case's snoozes: the id comes from `snoozeCase`.
   */
  readonly unsnoozeCase: UnsnoozeCasePayload;
  /** Change a contact's details. Only the fields given change; a field given as null is cleared. */
  readonly updateContact: UpdateContactPayload;
  /** Change the text of a message. */
  readonly updateMessage: UpdateMessagePayload;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationAddNoteMessageArgs = {
  input: AddNoteMessageInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationBlockContactsArgs = {
  input: BlockContactsInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationCloseCaseArgs = {
  input: CloseCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationCreateCaseArgs = {
  input: CreateCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationCreateContactArgs = {
  input: CreateContactInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationCreateNoteArgs = {
  input: CreateNoteInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationDeleteMessageArgs = {
  input: DeleteMessageInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationDeleteNoteArgs = {
  input: DeleteNoteInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationInviteToCaseArgs = {
  input: InviteToCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationJoinCaseArgs = {
  input: JoinCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationMergeContactsArgs = {
  input: MergeContactsInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationRejectCaseArgs = {
  input: RejectCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationReopenCaseArgs = {
  input: ReopenCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationSnoozeCaseArgs = {
  input: SnoozeCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationUnsnoozeCaseArgs = {
  input: UnsnoozeCaseInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationUpdateContactArgs = {
  input: UpdateContactInput;
};


/**
 * Actions on cases and messages. Each mutation takes one `input` argument and returns a payload.
 * Mutations are never retried by the gateway.
 */
export type MutationUpdateMessageArgs = {
  input: UpdateMessageInput;
};

/** An internal note about a contact: a thread of messages between agents, which the contact never sees. */
export type Note = {
  readonly __typename?: 'Note';
  /** The agent who wrote the note; null when the agent directory does not know it. */
  readonly author?: Maybe<User>;
  /** The id of the agent who wrote the note. */
  readonly authorId?: Maybe<Scalars['ID']['output']>;
  /** The contact the note is about. */
  readonly contact?: Maybe<Contact>;
  /** The id of the contact the note is about. */
  readonly contactId?: Maybe<Scalars['ID']['output']>;
  /** When the note was written. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** A description of the note. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** The note id. */
  readonly id: Scalars['ID']['output'];
  /** The newest message of the note. */
  readonly lastMessage?: Maybe<NoteMessage>;
  /** The messages of the note, oldest first. */
  readonly messages: ReadonlyArray<NoteMessage>;
  /** The title of the note. */
  readonly title?: Maybe<Scalars['String']['output']>;
  /** The agents the note involves: its author and the agents mentioned in it. */
  readonly users: ReadonlyArray<User>;
};

/** A page of notes. */
export type NoteConnection = {
  readonly __typename?: 'NoteConnection';
  /** The notes of this page, each with its cursor. */
  readonly edges: ReadonlyArray<NoteEdge>;
  /** The notes of this page, without cursors. */
  readonly nodes: ReadonlyArray<Note>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many notes the contact has in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** A note and its position in a list of notes. */
export type NoteEdge = {
  readonly __typename?: 'NoteEdge';
  /** An opaque cursor for this position; pass it as `after` to read the notes that follow. */
  readonly cursor: Scalars['String']['output'];
  /** The note. */
  readonly node: Note;
};

/** A message in a note's thread. */
export type NoteMessage = {
  readonly __typename?: 'NoteMessage';
  /** The agent who wrote it; null when the agent directory does not know it. */
  readonly author?: Maybe<User>;
  /** The id of the agent who wrote it. */
  readonly authorId?: Maybe<Scalars['ID']['output']>;
  /** When it was written. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** The message id. */
  readonly id: Scalars['ID']['output'];
  /** The note the message belongs to. */
  readonly note?: Maybe<Note>;
  /** The id of the note the message belongs to. */
  readonly noteId?: Maybe<Scalars['ID']['output']>;
  /** The message this one answers; null for a message at the top of the thread. */
  readonly parentId?: Maybe<Scalars['ID']['output']>;
  /** The text of the message. */
  readonly text?: Maybe<Scalars['String']['output']>;
};

/** Which way an ordering goes. */
export type OrderDirection =
  /** Ascending: oldest or smallest first. */
  | 'ASC'
  /** Descending: newest or largest first. */
  | 'DESC';

/** Where a page of a connection sits in the whole list, as in the Relay connection specification. */
export type PageInfo = {
  readonly __typename?: 'PageInfo';
  /** The cursor of the last item of this page, or null when the page is empty. Pass it as `after` to read the next page. */
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  readonly hasNextPage: Scalars['Boolean']['output'];
  /** Whether items come before this page. */
  readonly hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page, or null when the page is empty. */
  readonly startCursor?: Maybe<Scalars['String']['output']>;
};

/** Whether a case participant is an agent or the contact. */
export type ParticipantType =
  /** The contact. */
  | 'CONTACT'
  /** A participant type this version of the gateway does not know yet; neither `user` nor `contact` resolves. */
  | 'UNKNOWN'
  /** An agent. */
  | 'USER';

/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type Query = {
  readonly __typename?: 'Query';
  /** One case by its id. Null, with a `NOT_FOUND` error, when it does not exist. */
  readonly case?: Maybe<Case>;
  /**
   * Cases of the account, a page at a time, oldest first unless `orderBy` says otherwise. Cursors
   * name a case's place in the upstream's list, whichever the order: cases created later shift
   * none of them.
   */
  readonly cases: CaseConnection;
  /** One contact by its id. Null, with a `NOT_FOUND` error, when it does not exist. */
  readonly contact?: Maybe<Contact>;
  /**
   * The contacts of the account, a page at a time, in the upstream's order (the most recently active
   * first); with `search`, the ones the upstream's search finds. Use it to find the contact to start
   * a conversation with, or `createContact` when there is none.
   */
  readonly contacts: ContactConnection;
  /**
   * One department by its id, with its members. Null, with a `NOT_FOUND` error, when it does not
   * exist. Read from the department list: the upstream's single-department read has no members.
   */
  readonly department?: Maybe<Department>;
  /** Every department (team) of the account, with its members: one upstream call. */
  readonly departments: ReadonlyArray<Department>;
  /** One message by its id. Null, with a `NOT_FOUND` error, when it does not exist. */
  readonly message?: Maybe<Message>;
  /** One note by its id. Null, with a `NOT_FOUND` error, when it does not exist. */
  readonly note?: Maybe<Note>;
  /**
   * The cases of one conversation thread of a contact, each with its `lastMessage`
   * (the upstream's "Retrieve a list of messages" endpoint).
   */
  readonly thread: ReadonlyArray<Case>;
  /** One agent by id. Null, with a `NOT_FOUND` error, when it does not exist. */
  readonly user?: Maybe<User>;
  /** Every agent of the account. */
  readonly users: ReadonlyArray<User>;
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryCaseArgs = {
  id: Scalars['ID']['input'];
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CaseOrder>;
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryContactArgs = {
  id: Scalars['ID']['input'];
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryDepartmentArgs = {
  id: Scalars['ID']['input'];
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryMessageArgs = {
  id: Scalars['ID']['input'];
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryNoteArgs = {
  id: Scalars['ID']['input'];
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryThreadArgs = {
  contactId: Scalars['ID']['input'];
  threadId: Scalars['ID']['input'];
};


/** Reads of the Acquire cases, messages, contacts and agents of the account the API key belongs to. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** Which case to turn down. */
export type RejectCaseInput = {
  /** The case: one offered to the key's agent, or one it joined. */
  readonly caseId: Scalars['ID']['input'];
};

/** The result of `rejectCase`. */
export type RejectCasePayload = {
  readonly __typename?: 'RejectCasePayload';
  /** The case as Acquire answered the rejection: back in its queue. */
  readonly case: Case;
};

/** Which thread to reopen. */
export type ReopenCaseInput = {
  /** The contact of the thread. */
  readonly contactId: Scalars['ID']['input'];
  /** A first message for the reopened case. */
  readonly message?: InputMaybe<Scalars['String']['input']>;
  /** The thread to reopen: the `threadId` of one of its cases. */
  readonly threadId: Scalars['ID']['input'];
};

/** The result of `reopenCase`. */
export type ReopenCasePayload = {
  readonly __typename?: 'ReopenCasePayload';
  /** The new case that continues the thread. */
  readonly case: Case;
};

/** Events a subscriber may have missed: those after `after` up to and including the event's `id`. */
export type Resync = {
  readonly __typename?: 'Resync';
  /** The id of the last event the subscriber received or resumed after; null when it received none. */
  readonly after?: Maybe<Scalars['ID']['output']>;
  /** Why the gateway cannot send them. */
  readonly reason: ResyncReason;
};

/** Why a subscriber is told to refetch. */
export type ResyncReason =
  /** The `after` cursor is not in the log: past the retention window, or from a log that was lost. */
  | 'CURSOR_UNKNOWN'
  /** Events were lost between replicas (Redis restarted without its data, or a replica's waiting events outgrew their bound). */
  | 'EVENTS_LOST'
  /** The subscriber took its events more slowly than they came, and its queue of waiting events overflowed. */
  | 'SLOW_SUBSCRIBER';

/** What to send, and where. */
export type SendMessageInput = {
  /** The case to send to. It must be active. */
  readonly caseId: Scalars['ID']['input'];
  /** CHAT, EMAIL or SMS; any other channel is a `BAD_USER_INPUT` error. */
  readonly channel?: InputMaybe<Channel>;
  /** Email details; required when `channel` is EMAIL. */
  readonly email?: InputMaybe<EmailMessageInput>;
  /** Send as an agent (USER) or as the case's contact (CONTACT, chat only); UNKNOWN is refused. */
  readonly senderType?: InputMaybe<SenderType>;
  /** SMS details; required when `channel` is SMS. */
  readonly sms?: InputMaybe<SmsMessageInput>;
  /**
   * The text of the message. For email, the body as plain text: it is sent as HTML with its markup
   * characters escaped and its line breaks kept. Required, except for an email with `email.html`.
   */
  readonly text?: InputMaybe<Scalars['String']['input']>;
  /**
   * MESSAGE, or NOTE for an internal note in the case that only agents see (chat cases, sent as an
   * agent); any other type is a `BAD_USER_INPUT` error.
   */
  readonly type?: InputMaybe<MessageType>;
};

/** The result of `sendMessage`. */
export type SendMessagePayload = {
  readonly __typename?: 'SendMessagePayload';
  /** The message as sent. */
  readonly message: Message;
};

/** The agent or contact that sent a message. */
export type Sender = Contact | User;

/** Who sent a message. */
export type SenderType =
  /** The contact. */
  | 'CONTACT'
  /** A sender type this version of the gateway does not know yet. Refused as an input. */
  | 'UNKNOWN'
  /** An agent (or the API key's own pseudo-agent). */
  | 'USER';

/** The text-message fields of an SMS. */
export type SmsDetails = {
  readonly __typename?: 'SmsDetails';
  /** The sending number. */
  readonly from?: Maybe<Scalars['String']['output']>;
  /** Where delivery stands, as the upstream says it (its docs show `sent`). */
  readonly status?: Maybe<Scalars['String']['output']>;
  /** The receiving number. */
  readonly to?: Maybe<Scalars['String']['output']>;
};

/** SMS details of a message. */
export type SmsMessageInput = {
  /** Your Acquire-connected phone number, with country code (E.164, e.g. +12513188609). */
  readonly from: Scalars['String']['input'];
  /** The contact's phone number, with country code (E.164). */
  readonly to: Scalars['String']['input'];
};

/** A snooze: a case taken out of the active view until a time. */
export type Snooze = {
  readonly __typename?: 'Snooze';
  /** The agent who set the snooze, as the answer embedded it; null when it did not. */
  readonly author?: Maybe<User>;
  /** The id of the agent who set the snooze: for an API key, its pseudo-agent. */
  readonly authorId?: Maybe<Scalars['ID']['output']>;
  /** The snoozed case. */
  readonly caseId?: Maybe<Scalars['ID']['output']>;
  /** The contact of the snoozed case. */
  readonly contactId?: Maybe<Scalars['ID']['output']>;
  /** The snooze id; `unsnoozeCase` takes it. */
  readonly id: Scalars['ID']['output'];
  /** The note kept with the snooze. */
  readonly message?: Maybe<Scalars['String']['output']>;
  /** When the snooze elapses (Acquire keeps it to the second). */
  readonly until?: Maybe<Scalars['DateTime']['output']>;
};

/** Which case to snooze, and until when. */
export type SnoozeCaseInput = {
  /** The case to snooze. */
  readonly caseId: Scalars['ID']['input'];
  /** A note to keep with the snooze, such as why it waits. */
  readonly message?: InputMaybe<Scalars['String']['input']>;
  /** When the snooze elapses: in the future. Sent to Acquire in UTC, rounded up to the second. */
  readonly until: Scalars['DateTime']['input'];
};

/** The result of `snoozeCase`. */
export type SnoozeCasePayload = {
  readonly __typename?: 'SnoozeCasePayload';
  /** The snoozed case, as it stands after snoozing. */
  readonly case: Case;
  /** The new snooze. */
  readonly snooze: Snooze;
};

/**
 * Live events, over the GraphQL over WebSocket protocol (`graphql-ws`) at the same `/graphql` URL.
 * They come from Acquire's outbound webhooks, from writes made through the gateway, and from the
 * polling of cases that have `messageEvents` subscribers (Acquire sends no webhook for a new
 * message). Each event is read with the subscriber's own key when it arrives, so a key receives only
 * what it could read with a query; each event costs the upstream calls its selection needs.
 */
export type Subscription = {
  readonly __typename?: 'Subscription';
  /**
   * An agent whose status changed (available, unavailable, a channel turned on or off), as read when
   * the event arrives, with its `presence` as the webhook told it.
   */
  readonly agentStatusChanged: User;
  /**
   * Cases created, changing status or otherwise updated, account-wide. With a filter, only the cases
   * that match it as the subscriber's key reads the case when the event arrives.
   */
  readonly caseEvents: CaseEvent;
  /**
   * Messages added to, changed in or deleted from one case. While someone follows a case this way,
   * the gateway polls it for new messages (contact replies), so they arrive within a poll interval.
   */
  readonly messageEvents: MessageEvent;
};


/**
 * Live events, over the GraphQL over WebSocket protocol (`graphql-ws`) at the same `/graphql` URL.
 * They come from Acquire's outbound webhooks, from writes made through the gateway, and from the
 * polling of cases that have `messageEvents` subscribers (Acquire sends no webhook for a new
 * message). Each event is read with the subscriber's own key when it arrives, so a key receives only
 * what it could read with a query; each event costs the upstream calls its selection needs.
 */
export type SubscriptionCaseEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
};


/**
 * Live events, over the GraphQL over WebSocket protocol (`graphql-ws`) at the same `/graphql` URL.
 * They come from Acquire's outbound webhooks, from writes made through the gateway, and from the
 * polling of cases that have `messageEvents` subscribers (Acquire sends no webhook for a new
 * message). Each event is read with the subscriber's own key when it arrives, so a key receives only
 * what it could read with a query; each event costs the upstream calls its selection needs.
 */
export type SubscriptionMessageEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  caseId: Scalars['ID']['input'];
};

/** A label on a case or a contact. The upstream does not document its shape: the gateway reads its id and its name. */
export type Tag = {
  readonly __typename?: 'Tag';
  /** The tag id. */
  readonly id: Scalars['ID']['output'];
  /** The tag's name (upstream `name`, `title` or `label`). */
  readonly name?: Maybe<Scalars['String']['output']>;
};

/** An entry in a contact's timeline: a case, a note or a custom view. */
export type TimelineEntry = {
  readonly __typename?: 'TimelineEntry';
  /** The case of the entry, when it is about a case. */
  readonly caseId?: Maybe<Scalars['ID']['output']>;
  /** The contact whose timeline this is. */
  readonly contactId?: Maybe<Scalars['ID']['output']>;
  /** When the entry was created. */
  readonly dateCreated?: Maybe<Scalars['DateTime']['output']>;
  /** When the entry last changed. */
  readonly dateUpdated?: Maybe<Scalars['DateTime']['output']>;
  /** The timeline entry id. */
  readonly id: Scalars['ID']['output'];
  /** Extra data the upstream keeps with the entry. */
  readonly meta?: Maybe<Scalars['JSON']['output']>;
  /** What the entry is about: `case`, `note` or `view`. */
  readonly objectType?: Maybe<Scalars['String']['output']>;
  /** The thread of the entry. */
  readonly threadId?: Maybe<Scalars['ID']['output']>;
};

/** Which snooze to remove. */
export type UnsnoozeCaseInput = {
  /** The snooze to remove: the id `snoozeCase` answered with. */
  readonly snoozeId: Scalars['ID']['input'];
};

/** The result of `unsnoozeCase`. */
export type UnsnoozeCasePayload = {
  readonly __typename?: 'UnsnoozeCasePayload';
  /** The id of the snooze that was removed. */
  readonly deletedSnoozeId: Scalars['ID']['output'];
};

/** Which contact, and what changes: only the fields given change, and a field given as null is cleared. */
export type UpdateContactInput = {
  /** The contact's city. */
  readonly city?: InputMaybe<Scalars['String']['input']>;
  /** The id of the contact's country, in the upstream's list of countries. */
  readonly countryId?: InputMaybe<Scalars['ID']['input']>;
  /** Custom attributes by key; values of radio and drop-down attributes must be one of their options. */
  readonly customAttributes?: InputMaybe<Scalars['JSON']['input']>;
  /** The contact's email address. */
  readonly email?: InputMaybe<Scalars['String']['input']>;
  /** The contact to change. */
  readonly id: Scalars['ID']['input'];
  /** The contact's name. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** The contact's phone number. */
  readonly phone?: InputMaybe<Scalars['String']['input']>;
  /** The contact's state or region. */
  readonly state?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `updateContact`. */
export type UpdateContactPayload = {
  readonly __typename?: 'UpdateContactPayload';
  /** The contact after the change. */
  readonly contact: Contact;
};

/** Which message, and its new text. */
export type UpdateMessageInput = {
  /** The message to change. */
  readonly id: Scalars['ID']['input'];
  /** Its new text. */
  readonly text: Scalars['String']['input'];
};

/** The result of `updateMessage`. */
export type UpdateMessagePayload = {
  readonly __typename?: 'UpdateMessagePayload';
  /** The message after the change. */
  readonly message: Message;
};

/** An agent (a user of the Acquire account). */
export type User = {
  readonly __typename?: 'User';
  /** The departments the agent belongs to, from the department list. */
  readonly departments: ReadonlyArray<Department>;
  /** The email address. */
  readonly email?: Maybe<Scalars['String']['output']>;
  /** The first name. */
  readonly firstName?: Maybe<Scalars['String']['output']>;
  /** The user id. */
  readonly id: Scalars['ID']['output'];
  /** The last name. */
  readonly lastName?: Maybe<Scalars['String']['output']>;
  /** The display name. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The address of the profile photo. */
  readonly photo?: Maybe<Scalars['String']['output']>;
  /**
   * Whether the agent is available, and which channels it has turned on, as Acquire's Agent Status
   * Change webhook told it. Only on the users `agentStatusChanged` delivers, and null there when the
   * webhook said nothing of it: the REST API has no presence to read.
   */
  readonly presence?: Maybe<AgentPresence>;
  /** Whether the agent's account is active (not whether the agent is available now: see `presence`). Read from the agent directory; null for an agent it does not list (the API key's pseudo-agent). */
  readonly status?: Maybe<UserStatus>;
};

/** Whether an agent's account is active (not its presence: see `AgentPresence`). */
export type UserStatus =
  /** The account is active (the only value the upstream's examples show). */
  | 'ACTIVE'
  /** The account is not active. */
  | 'INACTIVE'
  /** A status this version of the gateway does not know yet. */
  | 'UNKNOWN';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  Sender:
    | ( ContactRecord )
    | ( UserRecord )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddNoteMessageInput: AddNoteMessageInput;
  AddNoteMessagePayload: ResolverTypeWrapper<Omit<AddNoteMessagePayload, 'message'> & { message: ResolversTypes['NoteMessage'] }>;
  AgentAvailability: AgentAvailability;
  AgentPresence: ResolverTypeWrapper<PresenceRecord>;
  BlockContactsInput: BlockContactsInput;
  BlockContactsPayload: ResolverTypeWrapper<BlockContactsPayload>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  Case: ResolverTypeWrapper<CaseRecord>;
  CaseConnection: ResolverTypeWrapper<Omit<CaseConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversTypes['CaseEdge']>, nodes: ReadonlyArray<ResolversTypes['Case']> }>;
  CaseEdge: ResolverTypeWrapper<Omit<CaseEdge, 'node'> & { node: ResolversTypes['Case'] }>;
  CaseEvent: ResolverTypeWrapper<CaseEventPayload>;
  CaseEventType: CaseEventType;
  CaseFilter: CaseFilter;
  CaseOrder: CaseOrder;
  CaseOrderField: CaseOrderField;
  CaseParticipant: ResolverTypeWrapper<ParticipantRecord>;
  CaseStatus: CaseStatus;
  Channel: Channel;
  CloseCaseInput: CloseCaseInput;
  CloseCasePayload: ResolverTypeWrapper<Omit<CloseCasePayload, 'case'> & { case: ResolversTypes['Case'] }>;
  Company: ResolverTypeWrapper<CompanyRecord>;
  Contact: ResolverTypeWrapper<ContactRecord>;
  ContactConnection: ResolverTypeWrapper<Omit<ContactConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversTypes['ContactEdge']>, nodes: ReadonlyArray<ResolversTypes['Contact']> }>;
  ContactEdge: ResolverTypeWrapper<Omit<ContactEdge, 'node'> & { node: ResolversTypes['Contact'] }>;
  CreateCaseInput: CreateCaseInput;
  CreateCasePayload: ResolverTypeWrapper<Omit<CreateCasePayload, 'case'> & { case: ResolversTypes['Case'] }>;
  CreateContactInput: CreateContactInput;
  CreateContactPayload: ResolverTypeWrapper<Omit<CreateContactPayload, 'contact'> & { contact: ResolversTypes['Contact'] }>;
  CreateNoteInput: CreateNoteInput;
  CreateNotePayload: ResolverTypeWrapper<Omit<CreateNotePayload, 'note'> & { note: ResolversTypes['Note'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteMessageInput: DeleteMessageInput;
  DeleteMessagePayload: ResolverTypeWrapper<DeleteMessagePayload>;
  DeleteNoteInput: DeleteNoteInput;
  DeleteNotePayload: ResolverTypeWrapper<DeleteNotePayload>;
  Department: ResolverTypeWrapper<DepartmentRecord>;
  DepartmentStatus: DepartmentStatus;
  EmailAddress: ResolverTypeWrapper<EmailAddressRecord>;
  EmailDetails: ResolverTypeWrapper<EmailRecord>;
  EmailMessageInput: EmailMessageInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Invitation: ResolverTypeWrapper<InvitationRecord>;
  InviteToCaseInput: InviteToCaseInput;
  InviteToCasePayload: ResolverTypeWrapper<Omit<InviteToCasePayload, 'invitations'> & { invitations: ReadonlyArray<ResolversTypes['Invitation']> }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JoinCaseInput: JoinCaseInput;
  JoinCasePayload: ResolverTypeWrapper<Omit<JoinCasePayload, 'case'> & { case: ResolversTypes['Case'] }>;
  MergeContactsInput: MergeContactsInput;
  MergeContactsPayload: ResolverTypeWrapper<Omit<MergeContactsPayload, 'contact'> & { contact: ResolversTypes['Contact'] }>;
  Message: ResolverTypeWrapper<MessageRecord>;
  MessageEvent: ResolverTypeWrapper<MessageEventPayload>;
  MessageEventType: MessageEventType;
  MessageType: MessageType;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Note: ResolverTypeWrapper<NoteRecord>;
  NoteConnection: ResolverTypeWrapper<Omit<NoteConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversTypes['NoteEdge']>, nodes: ReadonlyArray<ResolversTypes['Note']> }>;
  NoteEdge: ResolverTypeWrapper<Omit<NoteEdge, 'node'> & { node: ResolversTypes['Note'] }>;
  NoteMessage: ResolverTypeWrapper<NoteMessageRecord>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParticipantType: ParticipantType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RejectCaseInput: RejectCaseInput;
  RejectCasePayload: ResolverTypeWrapper<Omit<RejectCasePayload, 'case'> & { case: ResolversTypes['Case'] }>;
  ReopenCaseInput: ReopenCaseInput;
  ReopenCasePayload: ResolverTypeWrapper<Omit<ReopenCasePayload, 'case'> & { case: ResolversTypes['Case'] }>;
  Resync: ResolverTypeWrapper<Resync>;
  ResyncReason: ResyncReason;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<Omit<SendMessagePayload, 'message'> & { message: ResolversTypes['Message'] }>;
  Sender: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Sender']>;
  SenderType: SenderType;
  SmsDetails: ResolverTypeWrapper<SmsRecord>;
  SmsMessageInput: SmsMessageInput;
  Snooze: ResolverTypeWrapper<SnoozeRecord>;
  SnoozeCaseInput: SnoozeCaseInput;
  SnoozeCasePayload: ResolverTypeWrapper<Omit<SnoozeCasePayload, 'case' | 'snooze'> & { case: ResolversTypes['Case'], snooze: ResolversTypes['Snooze'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tag: ResolverTypeWrapper<TagRecord>;
  TimelineEntry: ResolverTypeWrapper<TimelineRecord>;
  UnsnoozeCaseInput: UnsnoozeCaseInput;
  UnsnoozeCasePayload: ResolverTypeWrapper<UnsnoozeCasePayload>;
  UpdateContactInput: UpdateContactInput;
  UpdateContactPayload: ResolverTypeWrapper<Omit<UpdateContactPayload, 'contact'> & { contact: ResolversTypes['Contact'] }>;
  UpdateMessageInput: UpdateMessageInput;
  UpdateMessagePayload: ResolverTypeWrapper<Omit<UpdateMessagePayload, 'message'> & { message: ResolversTypes['Message'] }>;
  User: ResolverTypeWrapper<UserRecord>;
  UserStatus: UserStatus;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddNoteMessageInput: AddNoteMessageInput;
  AddNoteMessagePayload: Omit<AddNoteMessagePayload, 'message'> & { message: ResolversParentTypes['NoteMessage'] };
  AgentPresence: PresenceRecord;
  BlockContactsInput: BlockContactsInput;
  BlockContactsPayload: BlockContactsPayload;
  Boolean: Scalars['Boolean']['output'];
  Case: CaseRecord;
  CaseConnection: Omit<CaseConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversParentTypes['CaseEdge']>, nodes: ReadonlyArray<ResolversParentTypes['Case']> };
  CaseEdge: Omit<CaseEdge, 'node'> & { node: ResolversParentTypes['Case'] };
  CaseEvent: CaseEventPayload;
  CaseFilter: CaseFilter;
  CaseOrder: CaseOrder;
  CaseParticipant: ParticipantRecord;
  CloseCaseInput: CloseCaseInput;
  CloseCasePayload: Omit<CloseCasePayload, 'case'> & { case: ResolversParentTypes['Case'] };
  Company: CompanyRecord;
  Contact: ContactRecord;
  ContactConnection: Omit<ContactConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversParentTypes['ContactEdge']>, nodes: ReadonlyArray<ResolversParentTypes['Contact']> };
  ContactEdge: Omit<ContactEdge, 'node'> & { node: ResolversParentTypes['Contact'] };
  CreateCaseInput: CreateCaseInput;
  CreateCasePayload: Omit<CreateCasePayload, 'case'> & { case: ResolversParentTypes['Case'] };
  CreateContactInput: CreateContactInput;
  CreateContactPayload: Omit<CreateContactPayload, 'contact'> & { contact: ResolversParentTypes['Contact'] };
  CreateNoteInput: CreateNoteInput;
  CreateNotePayload: Omit<CreateNotePayload, 'note'> & { note: ResolversParentTypes['Note'] };
  DateTime: Scalars['DateTime']['output'];
  DeleteMessageInput: DeleteMessageInput;
  DeleteMessagePayload: DeleteMessagePayload;
  DeleteNoteInput: DeleteNoteInput;
  DeleteNotePayload: DeleteNotePayload;
  Department: DepartmentRecord;
  EmailAddress: EmailAddressRecord;
  EmailDetails: EmailRecord;
  EmailMessageInput: EmailMessageInput;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Invitation: InvitationRecord;
  InviteToCaseInput: InviteToCaseInput;
  InviteToCasePayload: Omit<InviteToCasePayload, 'invitations'> & { invitations: ReadonlyArray<ResolversParentTypes['Invitation']> };
  JSON: Scalars['JSON']['output'];
  JoinCaseInput: JoinCaseInput;
  JoinCasePayload: Omit<JoinCasePayload, 'case'> & { case: ResolversParentTypes['Case'] };
  MergeContactsInput: MergeContactsInput;
  MergeContactsPayload: Omit<MergeContactsPayload, 'contact'> & { contact: ResolversParentTypes['Contact'] };
  Message: MessageRecord;
  MessageEvent: MessageEventPayload;
  Mutation: Record<PropertyKey, never>;
  Note: NoteRecord;
  NoteConnection: Omit<NoteConnection, 'edges' | 'nodes'> & { edges: ReadonlyArray<ResolversParentTypes['NoteEdge']>, nodes: ReadonlyArray<ResolversParentTypes['Note']> };
  NoteEdge: Omit<NoteEdge, 'node'> & { node: ResolversParentTypes['Note'] };
  NoteMessage: NoteMessageRecord;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RejectCaseInput: RejectCaseInput;
  RejectCasePayload: Omit<RejectCasePayload, 'case'> & { case: ResolversParentTypes['Case'] };
  ReopenCaseInput: ReopenCaseInput;
  ReopenCasePayload: Omit<ReopenCasePayload, 'case'> & { case: ResolversParentTypes['Case'] };
  Resync: Resync;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: Omit<SendMessagePayload, 'message'> & { message: ResolversParentTypes['Message'] };
  Sender: ResolversUnionTypes<ResolversParentTypes>['Sender'];
  SmsDetails: SmsRecord;
  SmsMessageInput: SmsMessageInput;
  Snooze: SnoozeRecord;
  SnoozeCaseInput: SnoozeCaseInput;
  SnoozeCasePayload: Omit<SnoozeCasePayload, 'case' | 'snooze'> & { case: ResolversParentTypes['Case'], snooze: ResolversParentTypes['Snooze'] };
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Tag: TagRecord;
  TimelineEntry: TimelineRecord;
  UnsnoozeCaseInput: UnsnoozeCaseInput;
  UnsnoozeCasePayload: UnsnoozeCasePayload;
  UpdateContactInput: UpdateContactInput;
  UpdateContactPayload: Omit<UpdateContactPayload, 'contact'> & { contact: ResolversParentTypes['Contact'] };
  UpdateMessageInput: UpdateMessageInput;
  UpdateMessagePayload: Omit<UpdateMessagePayload, 'message'> & { message: ResolversParentTypes['Message'] };
  User: UserRecord;
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<ReadonlyArray<Scalars['String']['input']>>;
  slicingArguments?: Maybe<ReadonlyArray<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type UpstreamDirectiveArgs = {
  column?: Maybe<Scalars['String']['input']>;
  relation?: Maybe<Scalars['String']['input']>;
  selectable?: Maybe<Scalars['Boolean']['input']>;
  sentWithSelect?: Maybe<Scalars['Boolean']['input']>;
  thread?: Maybe<Scalars['Boolean']['input']>;
};

export type UpstreamDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = UpstreamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddNoteMessagePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AddNoteMessagePayload'] = ResolversParentTypes['AddNoteMessagePayload']> = {
  message?: Resolver<ResolversTypes['NoteMessage'], ParentType, ContextType>;
};

export type AgentPresenceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgentPresence'] = ResolversParentTypes['AgentPresence']> = {
  availability?: Resolver<Maybe<ResolversTypes['AgentAvailability']>, ParentType, ContextType>;
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channels?: Resolver<Maybe<ReadonlyArray<ResolversTypes['Channel']>>, ParentType, ContextType>;
};

export type BlockContactsPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BlockContactsPayload'] = ResolversParentTypes['BlockContactsPayload']> = {
  blockedContactIds?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  until?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type CaseResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case']> = {
  channel?: Resolver<Maybe<ResolversTypes['Channel']>, ParentType, ContextType>;
  closedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  closedById?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  closingState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dateActive?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateClosed?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  datePending?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateQueue?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  feedbacks?: Resolver<ReadonlyArray<ResolversTypes['JSON']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  messages?: Resolver<ReadonlyArray<ResolversTypes['Message']>, ParentType, ContextType>;
  meta?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType>;
  queueId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  queueOrder?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['CaseStatus']>, ParentType, ContextType>;
  tags?: Resolver<ReadonlyArray<ResolversTypes['Tag']>, ParentType, ContextType>;
  threadId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  timeline?: Resolver<ReadonlyArray<ResolversTypes['TimelineEntry']>, ParentType, ContextType>;
  timelineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  users?: Resolver<ReadonlyArray<ResolversTypes['CaseParticipant']>, ParentType, ContextType>;
  waitSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  waitTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CaseConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CaseConnection'] = ResolversParentTypes['CaseConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['CaseEdge']>, ParentType, ContextType>;
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Case']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CaseEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CaseEdge'] = ResolversParentTypes['CaseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
};

export type CaseEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CaseEvent'] = ResolversParentTypes['CaseEvent']> = {
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resync?: Resolver<Maybe<ResolversTypes['Resync']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CaseEventType'], ParentType, ContextType>;
};

export type CaseParticipantResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CaseParticipant'] = ResolversParentTypes['CaseParticipant']> = {
  closed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  dateLastAssigned?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ParticipantType'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type CloseCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CloseCasePayload'] = ResolversParentTypes['CloseCasePayload']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
};

export type CompanyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company']> = {
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  logo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContactResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  archived?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  cases?: Resolver<ReadonlyArray<ResolversTypes['Case']>, ParentType, ContextType>;
  clientDetails?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  clientDeviceType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientOsName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientOsVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  companyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, Partial<ContactNotesArgs>>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<ReadonlyArray<ResolversTypes['Tag']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ContactConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContactConnection'] = ResolversParentTypes['ContactConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['ContactEdge']>, ParentType, ContextType>;
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Contact']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContactEdge'] = ResolversParentTypes['ContactEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type CreateCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateCasePayload'] = ResolversParentTypes['CreateCasePayload']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
};

export type CreateContactPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateContactPayload'] = ResolversParentTypes['CreateContactPayload']> = {
  contact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type CreateNotePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateNotePayload'] = ResolversParentTypes['CreateNotePayload']> = {
  note?: Resolver<ResolversTypes['Note'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteMessagePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeleteMessagePayload'] = ResolversParentTypes['DeleteMessagePayload']> = {
  deletedMessageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type DeleteNotePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeleteNotePayload'] = ResolversParentTypes['DeleteNotePayload']> = {
  deletedNoteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type DepartmentResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['DepartmentStatus']>, ParentType, ContextType>;
};

export type EmailAddressResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['EmailAddress'] = ResolversParentTypes['EmailAddress']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EmailDetailsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['EmailDetails'] = ResolversParentTypes['EmailDetails']> = {
  bcc?: Resolver<ReadonlyArray<ResolversTypes['EmailAddress']>, ParentType, ContextType>;
  cc?: Resolver<ReadonlyArray<ResolversTypes['EmailAddress']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['EmailAddress']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ReadonlyArray<ResolversTypes['EmailAddress']>, ParentType, ContextType>;
};

export type InvitationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = {
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type InviteToCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InviteToCasePayload'] = ResolversParentTypes['InviteToCasePayload']> = {
  invitations?: Resolver<ReadonlyArray<ResolversTypes['Invitation']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JoinCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JoinCasePayload'] = ResolversParentTypes['JoinCasePayload']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
};

export type MergeContactsPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MergeContactsPayload'] = ResolversParentTypes['MergeContactsPayload']> = {
  contact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
  mergedContactIds?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type MessageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType>;
  caseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  channel?: Resolver<Maybe<ResolversTypes['Channel']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['EmailDetails']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  meta?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  seen?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  sender?: Resolver<Maybe<ResolversTypes['Sender']>, ParentType, ContextType>;
  senderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  senderType?: Resolver<Maybe<ResolversTypes['SenderType']>, ParentType, ContextType>;
  sms?: Resolver<Maybe<ResolversTypes['SmsDetails']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['MessageType']>, ParentType, ContextType>;
};

export type MessageEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MessageEvent'] = ResolversParentTypes['MessageEvent']> = {
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  messageId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resync?: Resolver<Maybe<ResolversTypes['Resync']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MessageEventType'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addNoteMessage?: Resolver<ResolversTypes['AddNoteMessagePayload'], ParentType, ContextType, RequireFields<MutationAddNoteMessageArgs, 'input'>>;
  blockContacts?: Resolver<ResolversTypes['BlockContactsPayload'], ParentType, ContextType, RequireFields<MutationBlockContactsArgs, 'input'>>;
  closeCase?: Resolver<ResolversTypes['CloseCasePayload'], ParentType, ContextType, RequireFields<MutationCloseCaseArgs, 'input'>>;
  createCase?: Resolver<ResolversTypes['CreateCasePayload'], ParentType, ContextType, RequireFields<MutationCreateCaseArgs, 'input'>>;
  createContact?: Resolver<ResolversTypes['CreateContactPayload'], ParentType, ContextType, RequireFields<MutationCreateContactArgs, 'input'>>;
  createNote?: Resolver<ResolversTypes['CreateNotePayload'], ParentType, ContextType, RequireFields<MutationCreateNoteArgs, 'input'>>;
  deleteMessage?: Resolver<ResolversTypes['DeleteMessagePayload'], ParentType, ContextType, RequireFields<MutationDeleteMessageArgs, 'input'>>;
  deleteNote?: Resolver<ResolversTypes['DeleteNotePayload'], ParentType, ContextType, RequireFields<MutationDeleteNoteArgs, 'input'>>;
  inviteToCase?: Resolver<ResolversTypes['InviteToCasePayload'], ParentType, ContextType, RequireFields<MutationInviteToCaseArgs, 'input'>>;
  joinCase?: Resolver<ResolversTypes['JoinCasePayload'], ParentType, ContextType, RequireFields<MutationJoinCaseArgs, 'input'>>;
  mergeContacts?: Resolver<ResolversTypes['MergeContactsPayload'], ParentType, ContextType, RequireFields<MutationMergeContactsArgs, 'input'>>;
  rejectCase?: Resolver<ResolversTypes['RejectCasePayload'], ParentType, ContextType, RequireFields<MutationRejectCaseArgs, 'input'>>;
  reopenCase?: Resolver<ResolversTypes['ReopenCasePayload'], ParentType, ContextType, RequireFields<MutationReopenCaseArgs, 'input'>>;
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  snoozeCase?: Resolver<ResolversTypes['SnoozeCasePayload'], ParentType, ContextType, RequireFields<MutationSnoozeCaseArgs, 'input'>>;
  unsnoozeCase?: Resolver<ResolversTypes['UnsnoozeCasePayload'], ParentType, ContextType, RequireFields<MutationUnsnoozeCaseArgs, 'input'>>;
  updateContact?: Resolver<ResolversTypes['UpdateContactPayload'], ParentType, ContextType, RequireFields<MutationUpdateContactArgs, 'input'>>;
  updateMessage?: Resolver<ResolversTypes['UpdateMessagePayload'], ParentType, ContextType, RequireFields<MutationUpdateMessageArgs, 'input'>>;
};

export type NoteResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Note'] = ResolversParentTypes['Note']> = {
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  authorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastMessage?: Resolver<Maybe<ResolversTypes['NoteMessage']>, ParentType, ContextType>;
  messages?: Resolver<ReadonlyArray<ResolversTypes['NoteMessage']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  users?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
};

export type NoteConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NoteConnection'] = ResolversParentTypes['NoteConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['NoteEdge']>, ParentType, ContextType>;
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Note']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NoteEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NoteEdge'] = ResolversParentTypes['NoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Note'], ParentType, ContextType>;
};

export type NoteMessageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NoteMessage'] = ResolversParentTypes['NoteMessage']> = {
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  authorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType>;
  noteId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<QueryCaseArgs, 'id'>>;
  cases?: Resolver<ResolversTypes['CaseConnection'], ParentType, ContextType, RequireFields<QueryCasesArgs, 'orderBy'>>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<QueryContactArgs, 'id'>>;
  contacts?: Resolver<ResolversTypes['ContactConnection'], ParentType, ContextType, Partial<QueryContactsArgs>>;
  department?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType, RequireFields<QueryDepartmentArgs, 'id'>>;
  departments?: Resolver<ReadonlyArray<ResolversTypes['Department']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<QueryMessageArgs, 'id'>>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<QueryNoteArgs, 'id'>>;
  thread?: Resolver<ReadonlyArray<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<QueryThreadArgs, 'contactId' | 'threadId'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ReadonlyArray<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RejectCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RejectCasePayload'] = ResolversParentTypes['RejectCasePayload']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
};

export type ReopenCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ReopenCasePayload'] = ResolversParentTypes['ReopenCasePayload']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
};

export type ResyncResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Resync'] = ResolversParentTypes['Resync']> = {
  after?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ResyncReason'], ParentType, ContextType>;
};

export type SendMessagePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type SenderResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Sender'] = ResolversParentTypes['Sender']> = {
  __resolveType: TypeResolveFn<'Contact' | 'User', ParentType, ContextType>;
};

export type SmsDetailsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SmsDetails'] = ResolversParentTypes['SmsDetails']> = {
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SnoozeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Snooze'] = ResolversParentTypes['Snooze']> = {
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  authorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  caseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  until?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SnoozeCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SnoozeCasePayload'] = ResolversParentTypes['SnoozeCasePayload']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
  snooze?: Resolver<ResolversTypes['Snooze'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  agentStatusChanged?: SubscriptionResolver<ResolversTypes['User'], "agentStatusChanged", ParentType, ContextType>;
  caseEvents?: SubscriptionResolver<ResolversTypes['CaseEvent'], "caseEvents", ParentType, ContextType, Partial<SubscriptionCaseEventsArgs>>;
  messageEvents?: SubscriptionResolver<ResolversTypes['MessageEvent'], "messageEvents", ParentType, ContextType, RequireFields<SubscriptionMessageEventsArgs, 'caseId'>>;
};

export type TagResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Tag'] = ResolversParentTypes['Tag']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  caseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  contactId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  meta?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  objectType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  threadId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type UnsnoozeCasePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UnsnoozeCasePayload'] = ResolversParentTypes['UnsnoozeCasePayload']> = {
  deletedSnoozeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UpdateContactPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateContactPayload'] = ResolversParentTypes['UpdateContactPayload']> = {
  contact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type UpdateMessagePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateMessagePayload'] = ResolversParentTypes['UpdateMessagePayload']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  departments?: Resolver<ReadonlyArray<ResolversTypes['Department']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  photo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  presence?: Resolver<Maybe<ResolversTypes['AgentPresence']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['UserStatus']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  AddNoteMessagePayload?: AddNoteMessagePayloadResolvers<ContextType>;
  AgentPresence?: AgentPresenceResolvers<ContextType>;
  BlockContactsPayload?: BlockContactsPayloadResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  CaseConnection?: CaseConnectionResolvers<ContextType>;
  CaseEdge?: CaseEdgeResolvers<ContextType>;
  CaseEvent?: CaseEventResolvers<ContextType>;
  CaseParticipant?: CaseParticipantResolvers<ContextType>;
  CloseCasePayload?: CloseCasePayloadResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  ContactConnection?: ContactConnectionResolvers<ContextType>;
  ContactEdge?: ContactEdgeResolvers<ContextType>;
  CreateCasePayload?: CreateCasePayloadResolvers<ContextType>;
  CreateContactPayload?: CreateContactPayloadResolvers<ContextType>;
  CreateNotePayload?: CreateNotePayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteMessagePayload?: DeleteMessagePayloadResolvers<ContextType>;
  DeleteNotePayload?: DeleteNotePayloadResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  EmailAddress?: EmailAddressResolvers<ContextType>;
  EmailDetails?: EmailDetailsResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  InviteToCasePayload?: InviteToCasePayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JoinCasePayload?: JoinCasePayloadResolvers<ContextType>;
  MergeContactsPayload?: MergeContactsPayloadResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageEvent?: MessageEventResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Note?: NoteResolvers<ContextType>;
  NoteConnection?: NoteConnectionResolvers<ContextType>;
  NoteEdge?: NoteEdgeResolvers<ContextType>;
  NoteMessage?: NoteMessageResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RejectCasePayload?: RejectCasePayloadResolvers<ContextType>;
  ReopenCasePayload?: ReopenCasePayloadResolvers<ContextType>;
  Resync?: ResyncResolvers<ContextType>;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  Sender?: SenderResolvers<ContextType>;
  SmsDetails?: SmsDetailsResolvers<ContextType>;
  Snooze?: SnoozeResolvers<ContextType>;
  SnoozeCasePayload?: SnoozeCasePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tag?: TagResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  UnsnoozeCasePayload?: UnsnoozeCasePayloadResolvers<ContextType>;
  UpdateContactPayload?: UpdateContactPayloadResolvers<ContextType>;
  UpdateMessagePayload?: UpdateMessagePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
  upstream?: UpstreamDirectiveResolver<any, any, ContextType>;
};
