import { startTestEmulator, type Json, type TestEmulator } from './helpers/api.js';
import { fixture } from './helpers/fixtures.js';
import { shapeMismatches } from './helpers/shape.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});
afterAll(() => server.emulator.stop());

const expectError = (response: Json, type: string): void => {
  expect(response.status).toBe(400);
  expect(response.body.error.type).toBe(type);
};

describe('GET /account/department', () => {
  it('answers count and data, each department with its users, as the docs show', async () => {
    const response = await server.api('/account/department');
    expect(shapeMismatches(fixture('departments-list'), response.body)).toEqual([]);
    const { count, data } = response.body.data;
    expect(count).toBe(3);
    expect(data.map((department: Json) => department.id)).toEqual([2, 3, 4]);
    expect(data.map((department: Json) => department.name)).toEqual(['Sales', 'Customer Support', 'Billing']);
    const users = new Map((await server.data('/account/user')).data.map((user: Json) => [user.id, user]));
    for (const department of data) {
      expect(department.status).toBe('active');
      for (const member of department.users) {
        const { meta: _meta, ...withoutMeta } = users.get(member.id) as Json;
        expect(member).toEqual(withoutMeta);
      }
    }
    const members = new Set(data.flatMap((department: Json) => department.users.map((user: Json) => user.id)));
    expect([...members].sort((a, b) => Number(a) - Number(b))).toEqual([...users.keys()]);
  });
});

describe('GET /account/department/{id}', () => {
  it('answers the department as the docs show, and its users with relations=users', async () => {
    const response = await server.api('/account/department/3');
    expect(shapeMismatches(fixture('department-get'), response.body)).toEqual([]);
    expect(response.body.data).toEqual({ id: 3, name: 'Customer Support', status: 'active' });
    const listed = (await server.data('/account/department')).data.find((department: Json) => department.id === 3);
    expect(await server.data('/account/department/3?relations=users')).toEqual(listed);
  });

  it('answers ERROR_RECORD_NOT_FOUND for an unknown department and 400 for a bad id', async () => {
    expectError(await server.api('/account/department/99'), 'ERROR_RECORD_NOT_FOUND');
    expectError(await server.api('/account/department/sales'), 'ERROR_INVALID_INPUT');
  });
});

describe('users and their departments', () => {
  it('adds each user\'s departments with relations=departments, and not without', async () => {
    const departments = (await server.data('/account/department')).data;
    const users = (await server.data('/account/user?relations=departments')).data;
    for (const user of users) {
      const expected = departments
        .filter((department: Json) => department.users.some((member: Json) => member.id === user.id))
        .map(({ users: _users, ...department }: Json) => department);
      expect(user.departments).toEqual(expected);
      expect(user.departments.length).toBeGreaterThanOrEqual(1);
      expect(user.status).toBe('active');
    }
    expect((await server.data('/account/user')).data[0]).not.toHaveProperty('departments');
    const one = await server.data(`/account/user/${users[0].id}?relations=departments`);
    expect(one.departments).toEqual(users[0].departments);
  });
});
