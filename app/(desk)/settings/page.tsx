import { redirect } from "next/navigation";

/** API tokens are the only desk setting so far. */
export default function SettingsPage() {
  redirect("/settings/api-tokens");
}
