"use client";

import { visibleText } from "@/lib/security/safeLink";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { GUID } from "@/lib/sharing/principals";
import { consumerQueries } from "@/lib/queries/consumer";
import { answerSharedGalleryInvite, type InviteDecision, type InviteTarget } from "@/lib/queries/sharedGalleryInvites";
import type { Subscription } from "@/lib/queries/subscriptions";

const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";
const TENANT = "tenant";

/**
 * Accept or reject a gallery shared directly with one of the user's subscriptions or with their tenant. The API
 * (2025-12-03) has the decision but no list of pending invites, so the gallery is named as its owner gives it out:
 * the owner's subscription id, the gallery name and a region.
 */
export function SharedGalleryInvites({ subscriptions }: { subscriptions: Subscription[] }) {
  const arm = useArm();
  const id = useId();
  const first = subscriptions[0]?.subscriptionId ?? "";
  const [consumer, setConsumer] = useState("");
  const [location, setLocation] = useState("");
  const [owner, setOwner] = useState("");
  const [galleryName, setGalleryName] = useState("");
  const consumerChoice = consumer || first;
  const locations = useQuery({ ...consumerQueries.locations(arm, first), enabled: first !== "" });
  const effectiveLocation = location || locations.data?.[0]?.name || "";
  const answer = useMutation({
    mutationFn: ({ target, decision }: { target: InviteTarget; decision: InviteDecision }) =>
      answerSharedGalleryInvite(arm, target, decision),
  });
  const ownerInvalid = owner.trim() !== "" && !GUID.test(owner.trim());
  const ready = first !== "" && effectiveLocation !== "" && GUID.test(owner.trim()) && galleryName.trim() !== "";

  function decide(decision: InviteDecision) {
    answer.mutate({
      decision,
      target: {
        consumerSubscriptionId: consumerChoice === TENANT ? undefined : consumerChoice,
        clientSubscriptionId: first,
        location: effectiveLocation,
        ownerSubscriptionId: owner.trim(),
        galleryName: galleryName.trim(),
      },
    });
  }

  if (!first) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Answer a shared gallery invite
      </h2>
      <p className="text-xs text-slate-600">
        A publisher who shares a gallery directly with your subscription or tenant gives you its subscription id and
        name. Azure lists no pending invites, so enter them here to accept or reject the share.
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-consumer`} className="text-xs font-medium text-slate-700">
            Shared with
          </label>
          <select
            id={`${id}-consumer`}
            className={control}
            value={consumerChoice}
            onChange={(e) => setConsumer(e.target.value)}
          >
            {subscriptions.map((s) => (
              <option key={s.subscriptionId} value={s.subscriptionId}>
                Subscription {visibleText(s.displayName)}
              </option>
            ))}
            <option value={TENANT}>My tenant</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-location`} className="text-xs font-medium text-slate-700">
            Region
          </label>
          <select
            id={`${id}-location`}
            className={control}
            value={effectiveLocation}
            onChange={(e) => setLocation(e.target.value)}
          >
            {(locations.data ?? []).map((l) => (
              <option key={l.name} value={l.name}>
                {l.displayName ?? l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-owner`} className="text-xs font-medium text-slate-700">
            Owner&apos;s subscription id
          </label>
          <input
            id={`${id}-owner`}
            className={control}
            value={owner}
            aria-invalid={ownerInvalid}
            aria-describedby={ownerInvalid ? `${id}-owner-error` : undefined}
            onChange={(e) => setOwner(e.target.value)}
          />
          {ownerInvalid && (
            <p id={`${id}-owner-error`} className="text-xs text-red-700">
              A subscription id is a GUID.
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-gallery`} className="text-xs font-medium text-slate-700">
            Gallery name
          </label>
          <input
            id={`${id}-gallery`}
            className={control}
            value={galleryName}
            onChange={(e) => setGalleryName(e.target.value)}
          />
        </div>
      </div>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          className={buttonClass.primary}
          disabled={!ready || answer.isPending}
          onClick={() => decide("accept")}
        >
          Accept
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={!ready || answer.isPending}
          onClick={() => decide("reject")}
        >
          Reject
        </button>
      </div>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {answer.isSuccess && (
          <p className="font-medium text-emerald-800">
            {answer.variables.decision === "accept" ? "Accepted" : "Rejected"}: {answer.variables.target.galleryName}.
          </p>
        )}
      </div>
      {answer.isError && <ErrorPanel error={answer.error} title="The invite could not be answered" />}
    </section>
  );
}
