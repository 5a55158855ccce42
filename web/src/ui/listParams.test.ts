import { describe, expect, it } from 'vitest';
import { pageChanges, readListState, sortOrderOf, sortParam, withChanges } from './listParams';

const read = (qs: string) => readListState(new URLSearchParams(qs), ['status', 'communityId'] as const);

describe('list parameters in the address bar', () => {
  it('a bare address is page 1 of 20, no search, no sort, no filters', () => {
    expect(read('')).toEqual({
      page: 1,
      pageSize: 20,
      q: '',
      sort: undefined,
      filters: { status: undefined, communityId: undefined },
      query: { page: 1, pageSize: 20, q: undefined, sort: undefined, status: undefined, communityId: undefined },
    });
  });

  it('reads page, size, search, sort and the listed filters only', () => {
    const s = read('page=3&pageSize=50&q=%E8%B7%AF%E7%81%AF&sort=-reportedAt&status=open&other=x');
    expect(s.query).toEqual({
      page: 3,
      pageSize: 50,
      q: '路灯',
      sort: '-reportedAt',
      status: 'open',
      communityId: undefined,
    });
    expect(s.filters).toEqual({ status: 'open', communityId: undefined });
  });

  it('keeps page and size within what the server accepts', () => {
    expect(read('page=0&pageSize=0')).toMatchObject({ page: 1, pageSize: 20 });
    expect(read('page=-4&pageSize=999')).toMatchObject({ page: 1, pageSize: 200 });
    expect(read('page=abc&pageSize=abc')).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('a change sets its parameters, removes the emptied ones and keeps the rest', () => {
    const next = withChanges(new URLSearchParams('q=a&page=2&status=open'), {
      status: 'closed',
      page: undefined,
      q: '',
      communityId: 'c1',
    });
    expect(Object.fromEntries(next)).toEqual({ status: 'closed', communityId: 'c1' });
  });

  it('page 1 and the default size stay out of the address', () => {
    expect(pageChanges(1, 20)).toEqual({ page: undefined, pageSize: undefined });
    expect(pageChanges(4, 50)).toEqual({ page: '4', pageSize: '50' });
  });

  it('sorting: antd sorter ↔ field / -field', () => {
    expect(sortParam('name', 'ascend')).toBe('name');
    expect(sortParam('name', 'descend')).toBe('-name');
    expect(sortParam('name', null)).toBeUndefined();
    expect(sortParam(undefined, 'ascend')).toBeUndefined();
    expect(sortOrderOf('name', 'name')).toBe('ascend');
    expect(sortOrderOf('-name', 'name')).toBe('descend');
    expect(sortOrderOf('-birthDate', 'name')).toBeNull();
    expect(sortOrderOf(undefined, 'name')).toBeNull();
  });
});
