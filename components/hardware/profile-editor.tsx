"use client";
// Admins add hardware profiles and change them (their hourly prices above all) in place.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrors } from "@/lib/client/api";
import { useSaveProfile } from "@/lib/client/benchmarks";
import type { HardwareProfileDto } from "@/lib/hardware/schema";
import { ProfileFields, readDraft } from "./profile-fields";

function ProfileForm({ profile, onDone }: { profile?: HardwareProfileDto; onDone: () => void }) {
  const router = useRouter();
  const save = useSaveProfile(profile?.id);
  const failure = formErrors(save.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    save.mutate(readDraft(new FormData(form)), {
      onSuccess: () => {
        if (!profile) form.reset();
        router.refresh();
        onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={profile ? `Edit ${profile.name}` : "Add a hardware profile"}>
      <ProfileFields prefix={profile?.id ?? "new"} profile={profile} errors={failure.fields} />
      {failure.message ? <Alert>{failure.message}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : profile ? "Save" : "Add profile"}</Button>
        {profile ? <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button> : null}
      </div>
    </form>
  );
}

export function CreateProfileForm() {
  return <ProfileForm onDone={() => undefined} />;
}

export function ProfileList({ profiles }: { profiles: HardwareProfileDto[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Hardware profiles">
      {profiles.map((profile) => (
        <li key={profile.id} className="py-3">
          {editing === profile.id ? (
            <ProfileForm profile={profile} onDone={() => setEditing(null)} />
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-medium">{profile.name} <code className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">{profile.id}</code></p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {profile.gpu_count} × {profile.gpu_type}, {profile.gpu_memory_gb} GB each{profile.interconnect ? `, ${profile.interconnect.replace("_", " ")}` : ""} ·{" "}
                  {profile.hourly_price_usd === null ? "no price" : `$${profile.hourly_price_usd.toFixed(2)} an hour`}
                </p>
              </div>
              <Button variant="secondary" onClick={() => setEditing(profile.id)} aria-label={`Edit ${profile.name}`}>Edit</Button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
