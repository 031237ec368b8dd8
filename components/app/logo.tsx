export function Logo({ className = "", compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white shadow-sm">
        C
      </span>
      {/* On a phone the header needs the room; the mark alone still links home (and is named for screen readers). */}
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>Catwalk</span>
    </span>
  );
}
