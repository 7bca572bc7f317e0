/**
 * The schema's enumerations as the code below the resolvers sees them. The generated resolver
 * types carry the same unions; test/unit/schema.test.ts keeps the two in step with the SDL.
 */
export const CASE_STATUSES = ['QUEUE', 'PENDING', 'ACTIVE', 'CLOSED', 'UNKNOWN'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = ['CHAT', 'EMAIL', 'SMS', 'VOIP', 'AUDIO_CALL', 'VIDEO_CALL', 'PRIVATE_FORM', 'VIEW', 'UNKNOWN'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MESSAGE_TYPES = ['MESSAGE', 'NOTE', 'EVENT', 'SMS', 'UNKNOWN'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const SENDER_TYPES = ['USER', 'CONTACT', 'UNKNOWN'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const PARTICIPANT_TYPES = ['USER', 'CONTACT', 'UNKNOWN'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export const USER_STATUSES = ['ACTIVE', 'INACTIVE', 'UNKNOWN'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const AGENT_AVAILABILITIES = ['AVAILABLE', 'UNAVAILABLE', 'UNKNOWN'] as const;
export type AgentAvailability = (typeof AGENT_AVAILABILITIES)[number];

/** The channels an agent turns on and off, as the Agent Status Change webhook names them. */
export const PRESENCE_CHANNELS = ['CHAT', 'EMAIL', 'VOIP'] as const satisfies ReadonlyArray<Channel>;
export type PresenceChannel = (typeof PRESENCE_CHANNELS)[number];

export const DEPARTMENT_STATUSES = ['ACTIVE', 'DISABLED', 'UNKNOWN'] as const;
export type DepartmentStatus = (typeof DEPARTMENT_STATUSES)[number];
