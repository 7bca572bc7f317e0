import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Case } from './Case.js';
import { CaseEvent } from './CaseEvent.js';
import { CaseParticipant } from './CaseParticipant.js';
import { Contact } from './Contact.js';
import { Message } from './Message.js';
import { Note } from './Note.js';
import { NoteMessage } from './NoteMessage.js';
import { MessageEvent } from './MessageEvent.js';
import { addNoteMessageMutation } from './Mutation/addNoteMessage.js';
import { blockContactsMutation } from './Mutation/blockContacts.js';
import { closeCaseMutation } from './Mutation/closeCase.js';
import { createContactMutation } from './Mutation/createContact.js';
import { createNoteMutation } from './Mutation/createNote.js';
import { createCaseMutation } from './Mutation/createCase.js';
import { deleteMessageMutation } from './Mutation/deleteMessage.js';
import { deleteNoteMutation } from './Mutation/deleteNote.js';
import { inviteToCaseMutation } from './Mutation/inviteToCase.js';
import { joinCaseMutation } from './Mutation/joinCase.js';
import { mergeContactsMutation } from './Mutation/mergeContacts.js';
import { rejectCaseMutation } from './Mutation/rejectCase.js';
import { reopenCaseMutation } from './Mutation/reopenCase.js';
import { sendMessageMutation } from './Mutation/sendMessage.js';
import { snoozeCaseMutation } from './Mutation/snoozeCase.js';
import { unsnoozeCaseMutation } from './Mutation/unsnoozeCase.js';
import { updateContactMutation } from './Mutation/updateContact.js';
import { updateMessageMutation } from './Mutation/updateMessage.js';
import { caseQuery } from './Query/case.js';
import { casesQuery } from './Query/cases.js';
import { contactQuery } from './Query/contact.js';
import { departmentQuery } from './Query/department.js';
import { departmentsQuery } from './Query/departments.js';
import { contactsQuery } from './Query/contacts.js';
import { messageQuery } from './Query/message.js';
import { noteQuery } from './Query/note.js';
import { threadQuery } from './Query/thread.js';
import { userQuery } from './Query/user.js';
import { usersQuery } from './Query/users.js';
import { scalars } from './scalars.js';
import { Sender } from './Sender.js';
import { User } from './User.js';
import { agentStatusChangedSubscription } from './Subscription/agentStatusChanged.js';
import { caseEventsSubscription } from './Subscription/caseEvents.js';
import { messageEventsSubscription } from './Subscription/messageEvents.js';

export const resolvers: Resolvers = {
  ...scalars,
  Query: {
    case: caseQuery,
    cases: casesQuery,
    thread: threadQuery,
    message: messageQuery,
    note: noteQuery,
    contact: contactQuery,
    contacts: contactsQuery,
    user: userQuery,
    users: usersQuery,
    departments: departmentsQuery,
    department: departmentQuery,
  },
  Mutation: {
    createCase: createCaseMutation,
    closeCase: closeCaseMutation,
    reopenCase: reopenCaseMutation,
    joinCase: joinCaseMutation,
    rejectCase: rejectCaseMutation,
    inviteToCase: inviteToCaseMutation,
    sendMessage: sendMessageMutation,
    updateMessage: updateMessageMutation,
    deleteMessage: deleteMessageMutation,
    createContact: createContactMutation,
    updateContact: updateContactMutation,
    blockContacts: blockContactsMutation,
    mergeContacts: mergeContactsMutation,
    createNote: createNoteMutation,
    addNoteMessage: addNoteMessageMutation,
    deleteNote: deleteNoteMutation,
    snoozeCase: snoozeCaseMutation,
    unsnoozeCase: unsnoozeCaseMutation,
  },
  Subscription: {
    caseEvents: caseEventsSubscription,
    messageEvents: messageEventsSubscription,
    agentStatusChanged: agentStatusChangedSubscription,
  },
  Case,
  CaseEvent,
  CaseParticipant,
  Contact,
  Message,
  Note,
  NoteMessage,
  MessageEvent,
  Sender,
  User,
};
