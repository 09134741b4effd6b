/**
 * The room a user last opened on this device, so logging in again lands where they left off.
 * Only a room id is kept (never anything secret); storage may be unavailable, which is fine.
 */
const key = (userId: string): string => `hearth.lastRoom.${userId}`;

export function rememberRoom(userId: string, roomId: string): void {
  try {
    localStorage.setItem(key(userId), roomId);
  } catch {
    // Private browsing or storage disabled: the user lands on home instead.
  }
}

export function lastRoomOf(userId: string): string | null {
  try {
    return localStorage.getItem(key(userId));
  } catch {
    return null;
  }
}
