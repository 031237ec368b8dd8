"use client";

import { useEffect, useRef } from "react";
import { Alert, Button } from "@/components/app/ui";

/** A native modal dialog: focus stays inside, Escape closes it, and the page behind is inert. */
export function DeleteDialog(props: { open: boolean; name: string; pending: boolean; error: string | null; onConfirm: () => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      onClose={props.onClose}
      aria-labelledby="delete-title"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      data-testid="delete-dialog"
    >
      <div className="space-y-4 p-5">
        <h2 id="delete-title" className="text-base font-semibold text-slate-900">
          Delete {props.name}?
        </h2>
        <p className="text-sm text-slate-600">
          The server stops, its endpoint stops answering, and its stored credentials, tokens, logs and usage are erased. This cannot be undone.
        </p>
        {props.error && <Alert>{props.error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={props.onClose} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={props.onConfirm} disabled={props.pending} data-testid="confirm-delete">
            {props.pending ? "Deleting…" : "Delete deployment"}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
