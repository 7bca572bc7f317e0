/** Departments with their members, and each agent's status and departments, with the calls pinned. */
import { underDialect } from '../helpers/dialect.js';
import { callLines, useStack } from '../helpers/emulatorSetup.js';
import { codes, graphql } from '../helpers/graphql.js';

const stack = useStack('calls');

interface Department {
  id: string;
  name: string;
  status: string;
  members: Array<{ id: string; name: string; status: string }>;
}

describe('departments', () => {
  it('lists every department with its members in one call', async () => {
    const result = await graphql(stack.url, '{ departments { id name status members { id name status } } }');
    expect(result.errors).toBeUndefined();
    const departments = result.data.departments as Department[];
    expect(departments.map((department) => department.id)).toEqual(['2', '3', '4']);
    // The docs dialect's last department is disabled (a status the department page documents).
    expect(departments.map((department) => department.status)).toEqual(underDialect({ default: ['ACTIVE', 'ACTIVE', 'ACTIVE'], docs: ['ACTIVE', 'ACTIVE', 'DISABLED'] }));
    for (const department of departments) {
      expect(department).toMatchObject({ name: expect.any(String) });
      for (const member of department.members) expect(member).toEqual({ id: expect.any(String), name: expect.any(String), status: 'ACTIVE' });
    }
    expect(departments.some((department) => department.members.length > 0)).toBe(true);
    expect(callLines(stack.emulator.calls)).toEqual(['GET /account/department']);
  });

  it('reads one department, members included, from the list: one call, which the list read next finds kept; NOT_FOUND for one that does not exist', async () => {
    const one = await graphql(stack.url, '{ department(id: "3") { id name members { id } } }');
    expect(callLines(stack.emulator.calls)).toEqual(['GET /account/department']);
    stack.emulator.resetCalls();
    const all = (await graphql(stack.url, '{ departments { id name members { id } } }')).data.departments as Department[];
    expect(one.data.department).toEqual(all.find((department) => department.id === '3'));
    expect(stack.emulator.calls).toEqual([]);
    expect(codes(await graphql(stack.url, '{ department(id: "99") { id } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await graphql(stack.url, '{ department(id: "x") { id } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe("agents' status and departments", () => {
  it('gives every agent its status and departments: the directory and the department list, one call each', async () => {
    const result = await graphql(stack.url, '{ users { id status departments { id } } departments { id members { id } } }');
    expect(result.errors).toBeUndefined();
    const departments = result.data.departments as Department[];
    for (const user of result.data.users as Array<{ id: string; status: string; departments: Array<{ id: string }> }>) {
      expect(user.status).toBe('ACTIVE');
      const expected = departments.filter((department) => department.members.some((member) => member.id === user.id)).map((department) => ({ id: department.id }));
      expect(user.departments).toEqual(expected);
    }
    expect(callLines(stack.emulator.calls).sort()).toEqual(['GET /account/department', 'GET /account/user']);
  });

  it("reads the status of agents a case embeds (which carry none) from the directory, once for all; the API key's pseudo-agent has none", async () => {
    const result = await graphql(stack.url, '{ cases(first: 10, filter: {status: ACTIVE}) { nodes { users { user { id status } } } } }');
    expect(result.errors).toBeUndefined();
    const agents = result.data.cases.nodes.flatMap((node: { users: Array<{ user: { id: string; status: string | null } | null }> }) => node.users.map((user) => user.user).filter(Boolean));
    expect(agents.length).toBeGreaterThan(1);
    for (const agent of agents) expect(agent.status).toBe(agent.id === '99' ? null : 'ACTIVE');
    expect(callLines(stack.emulator.calls)).toEqual([expect.stringMatching(/^GET \/crm\/objects\/case\?/), 'GET /account/user']);
  });

  it('reads a status it does not know as UNKNOWN', async () => {
    stack.emulator.setFaults([
      { method: 'GET', path: '^/account/user$', status: 200, body: JSON.stringify({ data: { count: 1, data: [{ id: 12, name: 'Chloe', status: 'on-leave' }] } }) },
    ]);
    const result = await graphql(stack.url, '{ users { id status } }');
    expect(result.data.users).toEqual([{ id: '12', status: 'UNKNOWN' }]);
  });
});
