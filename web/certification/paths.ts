/** The Certifieringsprocess page of an application, and the pages under it. */
export const processUrl = (applicationId: string, rest = "") => `/min-sida/ansokningar/${applicationId}${rest}`;
