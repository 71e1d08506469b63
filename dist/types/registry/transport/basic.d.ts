/** `Authorization: Basic …` for a user and password. */
export declare function basicAuthorization(username: string, password: string): string;
