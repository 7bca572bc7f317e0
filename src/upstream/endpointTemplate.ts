/** `crm/objects/case/1003` -> `/crm/objects/case/{id}`: a label with a bounded set of values. */
export function endpointTemplate(path: string): string {
  return `/${path.replace(/^\/+/, '')}`.replace(/\/\d+(?=\/|$)/g, '/{id}');
}
