"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { Logo } from "./logo";

const links = [
  { href: "/", label: "Deployments" },
  { href: "/settings", label: "Settings" },
];

export function AppHeader({ email }: { email: string }) {
  const pathname = usePathname();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-3 sm:gap-4 sm:px-6">
        <Link href="/" className="text-slate-900">
          <Logo compact />
        </Link>
        <nav className="flex items-center gap-0.5 text-sm sm:gap-1">
          {links.map((link) => {
            const active = link.href === "/" ? pathname === "/" || pathname.startsWith("/deployments") || pathname.startsWith("/analyses") : pathname.startsWith(link.href);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`whitespace-nowrap rounded-md px-2 py-1.5 font-medium sm:px-2.5 ${active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:text-slate-900"}`}
              >
                {link.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="hidden text-slate-500 sm:inline" data-testid="current-user">
            {email}
          </span>
          <button
            type="button"
            onClick={() => signOut({ callbackUrl: "/signin" })}
            className="whitespace-nowrap rounded-md px-2 py-1.5 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 sm:px-2.5"
            data-testid="sign-out"
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
