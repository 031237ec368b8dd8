import { ApiKeysPanel } from "@/components/settings/api-keys-panel";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">Personal API keys act as you on Catwalk&apos;s JSON API and CLI.</p>
      </div>
      <ApiKeysPanel />
    </div>
  );
}
