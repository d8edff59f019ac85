import { z } from "zod";

// Built-in zod messages (unknown keys, wrong types…) in Chinese; our own messages are catalogue keys.
z.config(z.locales.zhCN());

export { z };
