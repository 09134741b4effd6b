/** A direct room's member set as one value: the same people, in any order, give the same key. */
export const directKey = (userIds: readonly string[]): string => [...new Set(userIds)].sort().join(' ');
