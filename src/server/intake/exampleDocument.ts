/** The operations an explorer opens with (the Sandbox and GraphiQL): a query to run at once, and a live one. */
export const EXAMPLE_DOCUMENT = `# The first cases of the account, with their contact and latest message.
# Try "after: <endCursor>" for the next page, or a filter: { status: ACTIVE, channel: CHAT }.
query RecentCases {
  cases(first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id
        title
        status
        channel
        contact { id name email }
        lastMessage {
          id
          text
          sender { ... on User { id name } ... on Contact { id name } }
        }
      }
    }
  }
}

# Live: run this one and leave it open; on the demo a case changes status every 20 s and a new
# chat arrives every 30 s (for a contact's reply every 4 s, subscribe to messageEvents).
# Subscriptions use the graphql-ws protocol at this same URL, with the same Authorization header.
subscription LiveCases {
  caseEvents {
    id
    type
    occurredAt
    case { id title status contact { id name } }
  }
}
`;
