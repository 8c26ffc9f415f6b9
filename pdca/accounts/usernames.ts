/** Usernames: 2–64 lowercase letters, digits, '.', '_', '@' or '-' (an e-mail address fits). */
export const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
export const USERNAME_RULE = "2–64 lowercase letters, digits, '.', '_', '@' or '-'";
