"use server";
import { runAction } from "../actions/pipeline";
import { changeRoleSchema, createUserSchema, setActiveSchema } from "./schemas";
import { changeUser, createUser } from "./service";

const ADMIN_USERS = ["/admin/users"];

export async function createUserAction(input: unknown) {
  return runAction({
    permission: "user:manage",
    schema: createUserSchema,
    input,
    revalidate: ADMIN_USERS,
    run: (user, data) => createUser(user, data),
  });
}

export async function changeRoleAction(input: unknown) {
  return runAction({
    permission: "user:manage",
    schema: changeRoleSchema,
    input,
    revalidate: ADMIN_USERS,
    run: (user, data) => changeUser(user, data),
  });
}

export async function setUserActiveAction(input: unknown) {
  return runAction({
    permission: "user:manage",
    schema: setActiveSchema,
    input,
    revalidate: ADMIN_USERS,
    run: (user, data) => changeUser(user, data),
  });
}
