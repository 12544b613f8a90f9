import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import { ItemFields } from '@/components/teams/item-fields';
import { TeamNav } from '@/components/teams/team-nav';
import { requireUser } from '@/lib/auth/session';
import { getLessonPack } from '@/lib/content/lessons';
import { listScenarios } from '@/lib/content/scenarios';
import { COMPETENCY_TAGS } from '@/lib/content/schemas';
import { getTrackContent } from '@/lib/teams/content';
import { orNotFound } from '@/lib/teams/page-guard';
import { getTeamOverview } from '@/lib/teams/teams';
import { getTrack } from '@/lib/teams/tracks';
import { TRACK_ITEM_KINDS, TRACK_ITEM_KIND_LABELS, type TrackItemKind } from '@/lib/tracks/schema';
import {
  addTrackItemAction,
  assignTrackAction,
  deleteTrackAction,
  moveTrackItemAction,
  removeTrackItemAction,
  unassignTrackAction,
  updateTrackDetailsAction,
  updateTrackItemAction,
} from '../../../actions';

export const metadata: Metadata = { title: 'Edit track' };

export default async function TrackEditorPage({
  params,
}: {
  params: Promise<{ teamId: string; trackId: string }>;
}) {
  const { teamId, trackId } = await params;
  await requireUser();
  const [team, track] = await orNotFound(() =>
    Promise.all([getTeamOverview({ teamId }), getTrack({ teamId, trackId })]),
  );
  const [pack, scenarios, content] = await Promise.all([
    getLessonPack(),
    listScenarios(),
    getTrackContent(),
  ]);
  const options: Record<TrackItemKind, Array<{ id: string; title: string }> | null> = {
    lesson: pack.lessons.map((l) => ({ id: l.id, title: l.title })),
    flashcards: COMPETENCY_TAGS.map((c) => ({
      id: c,
      title: `${c} (${content.competencyCards.get(c)?.length ?? 0} cards)`,
    })),
    scenario: scenarios.map((s) => ({ id: s.id, title: s.title })),
    'simulator-challenge': null,
    'mock-interview': null,
  };
  const hidden = { teamId, trackId };
  const names = new Map(team.members.map((m) => [m.userId, m.name]));
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/teams">Teams</Link> / <Link href={`/teams/${teamId}`}>{team.name}</Link> /{' '}
          <Link href={`/teams/${teamId}/tracks`}>Tracks</Link> / {track.title}
        </p>
        <h1 className="text-3xl">{track.title}</h1>
        <TeamNav teamId={teamId} managing current={`/teams/${teamId}/tracks`} />
      </header>

      <section aria-labelledby="details-heading" className="card max-w-2xl space-y-3">
        <h2 id="details-heading" className="text-xl">
          Details
        </h2>
        <ActionForm action={updateTrackDetailsAction} submitLabel="Save details" hidden={hidden}>
          <div>
            <label className="label" htmlFor="track-title">
              Title
            </label>
            <input
              id="track-title"
              name="title"
              className="input"
              defaultValue={track.title}
              required
              maxLength={120}
            />
          </div>
          <div>
            <label className="label" htmlFor="track-description">
              Description
            </label>
            <textarea
              id="track-description"
              name="description"
              className="input"
              defaultValue={track.description}
              maxLength={1000}
              rows={3}
            />
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-xl">
          Items, in order ({track.items.length})
        </h2>
        <ol className="space-y-2" data-testid="track-items">
          {track.items.map((item, index) => (
            <li key={item.id} className="card space-y-2">
              <p>
                <strong>
                  {index + 1}. {item.title ?? content.titles.get(item.ref) ?? item.ref}
                </strong>{' '}
                <span className="text-sm text-muted">
                  · {TRACK_ITEM_KIND_LABELS[item.kind]} · due {item.due} ·{' '}
                  {item.required ? 'required' : 'optional'}
                  {item.kind === 'flashcards' &&
                    ` · recall ≥ ${Math.round(item.recallThreshold * 100)} %`}
                  {(item.kind === 'scenario' || item.kind === 'mock-interview') &&
                    ` · pass ${item.passScore}`}
                </span>
              </p>
              <div className="flex flex-wrap gap-2">
                <ActionForm
                  action={moveTrackItemAction}
                  submitLabel={`Move item ${index + 1} up`}
                  hidden={{ ...hidden, itemId: item.id, direction: 'up' }}
                  variant="ghost"
                  className="flex gap-2"
                />
                <ActionForm
                  action={moveTrackItemAction}
                  submitLabel={`Move item ${index + 1} down`}
                  hidden={{ ...hidden, itemId: item.id, direction: 'down' }}
                  variant="ghost"
                  className="flex gap-2"
                />
                <ActionForm
                  action={removeTrackItemAction}
                  submitLabel={`Remove item ${index + 1}`}
                  hidden={{ ...hidden, itemId: item.id }}
                  variant="ghost"
                  className="flex gap-2"
                />
              </div>
              <details>
                <summary className="cursor-pointer text-sm font-semibold">
                  Edit item {index + 1}
                </summary>
                <ActionForm
                  action={updateTrackItemAction}
                  submitLabel={`Save item ${index + 1}`}
                  hidden={{ ...hidden, itemId: item.id }}
                  className="mt-2 grid gap-3 sm:grid-cols-2"
                >
                  <ItemFields
                    kind={item.kind}
                    prefix={`edit-${item.id}`}
                    options={options[item.kind]}
                    item={item}
                  />
                </ActionForm>
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-xl">
          Add an item
        </h2>
        <div className="grid gap-3 md:grid-cols-2">
          {TRACK_ITEM_KINDS.map((kind) => (
            <details key={kind} className="card">
              <summary className="cursor-pointer font-semibold">
                {TRACK_ITEM_KIND_LABELS[kind]}
              </summary>
              <ActionForm
                action={addTrackItemAction}
                submitLabel={`Add ${TRACK_ITEM_KIND_LABELS[kind].toLowerCase()}`}
                hidden={hidden}
                className="mt-2 space-y-3"
              >
                <ItemFields kind={kind} prefix={`add-${kind}`} options={options[kind]} />
              </ActionForm>
            </details>
          ))}
        </div>
      </section>

      <section aria-labelledby="assign-heading" className="card max-w-2xl space-y-3">
        <h2 id="assign-heading" className="text-xl">
          Assignment
        </h2>
        <p className="text-sm">
          {track.assignedToTeam
            ? 'Assigned to the whole team: members who join later get it too.'
            : 'Not assigned to the whole team.'}
          {track.assignedUserIds.length > 0 &&
            ` Also assigned to: ${track.assignedUserIds.map((id) => names.get(id) ?? 'former member').join(', ')}.`}
        </p>
        <ActionForm
          action={assignTrackAction}
          submitLabel="Assign"
          hidden={hidden}
          variant="primary"
        >
          <fieldset className="space-y-2">
            <legend className="label">Assign to</legend>
            <div className="flex items-center gap-2">
              <input
                type="radio"
                id="target-team"
                name="target"
                value="team"
                defaultChecked
                className="h-5 w-5"
              />
              <label htmlFor="target-team">
                The whole team (role member, now and when they join)
              </label>
            </div>
            <div className="flex items-center gap-2">
              <input
                type="radio"
                id="target-members"
                name="target"
                value="members"
                className="h-5 w-5"
              />
              <label htmlFor="target-members">Only the people ticked below</label>
            </div>
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="label">People</legend>
            {team.members.map((m) => (
              <div key={m.userId} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`assign-${m.userId}`}
                  name="userIds"
                  value={m.userId}
                  className="h-5 w-5"
                />
                <label htmlFor={`assign-${m.userId}`}>
                  {m.name} ({m.role})
                </label>
              </div>
            ))}
          </fieldset>
        </ActionForm>
        {track.assignedToTeam && (
          <ActionForm
            action={unassignTrackAction}
            submitLabel="Withdraw whole-team assignment"
            hidden={{ ...hidden, userId: '' }}
            variant="ghost"
          />
        )}
        {track.assignedUserIds.map((id) => (
          <ActionForm
            key={id}
            action={unassignTrackAction}
            submitLabel={`Withdraw from ${names.get(id) ?? 'former member'}`}
            hidden={{ ...hidden, userId: id }}
            variant="ghost"
          />
        ))}
      </section>

      <section aria-labelledby="delete-heading" className="space-y-2">
        <h2 id="delete-heading" className="text-xl">
          Delete
        </h2>
        <ActionForm action={deleteTrackAction} submitLabel="Delete this track" hidden={hidden} />
      </section>
    </>
  );
}
