// zod schemas for users and API tokens.
import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { roles } from "./roles";

const email = z.email("Enter a valid email address").max(254).transform((value) => value.toLowerCase());
const password = z.string().min(12, "Use at least 12 characters").max(200, "At most 200 characters");
const name = z.string().trim().min(1).max(100);

export const userSchema = z
  .object({
    id: z.uuid(), email: z.string(), name: z.string().nullable(), role: z.enum(roles), disabled: z.boolean(),
    created_at: z.iso.datetime(), updated_at: z.iso.datetime(),
  })
  .meta({ id: "User" });
export type UserDto = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({ email, name: name.nullish(), password, role: z.enum(roles) }).meta({ id: "UserInput" });
export type CreateUserInput = z.output<typeof createUserSchema>;

export const patchUserSchema = z
  .strictObject({ role: z.enum(roles).optional(), name: name.nullable().optional(), disabled: z.boolean().optional(), password: password.optional() })
  .refine((value) => Object.keys(value).length > 0, "Send at least one field to change")
  .meta({ id: "UserPatch" });
export type PatchUserInput = z.output<typeof patchUserSchema>;

export const listUsersQuerySchema = z.strictObject({
  ...pageParams,
  q: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
});
export type ListUsersQuery = z.output<typeof listUsersQuerySchema>;
export const userPageSchema = pageOf(userSchema, "UserPage");

export const tokenSchema = z
  .object({
    id: z.uuid(), name: z.string(), role: z.enum(roles), prefix: z.string(),
    expires_at: z.iso.datetime().nullable(), last_used_at: z.iso.datetime().nullable(),
    revoked_at: z.iso.datetime().nullable(), created_at: z.iso.datetime(), user_id: z.uuid(),
  })
  .meta({ id: "ApiToken" });
export type TokenDto = z.infer<typeof tokenSchema>;

export const createdTokenSchema = tokenSchema
  .extend({ token: z.string().meta({ description: "The secret: shown this once only" }) })
  .meta({ id: "CreatedApiToken" });

export const createTokenSchema = z
  .strictObject({
    name,
    role: z.enum(roles).optional().meta({ description: "At most the caller's own role; defaults to it" }),
    expires_at: z.iso.datetime({ offset: true }).nullish(),
    user_id: z.uuid().optional().meta({ description: "Admins only: create the token for another user (e.g. a service account)" }),
  })
  .refine((value) => !value.expires_at || new Date(value.expires_at) > new Date(), { message: "expires_at must be in the future", path: ["expires_at"] })
  .meta({ id: "ApiTokenInput" });
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const tokenListSchema = z.object({ data: z.array(tokenSchema) }).meta({ id: "ApiTokenList" });
