/** Where a file's bytes are: the same origin, so the session cookie goes with each request. */
export const fileUrl = (id: string, variant: '' | '/thumb' = '', download = false): string =>
  `/api/files/${encodeURIComponent(id)}${variant}${download ? '?download=1' : ''}`;

export const previewImageUrl = (id: string): string => `/api/previews/${encodeURIComponent(id)}`;
