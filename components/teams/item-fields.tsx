import {
  DEFAULT_PASS_SCORE,
  DEFAULT_RECALL_THRESHOLD,
  type TrackItem,
  type TrackItemKind,
} from '@/lib/tracks/schema';

type Option = { id: string; title: string };

/** Form fields of one track item kind (server-rendered; used by the add and edit forms). */
export function ItemFields({
  kind,
  prefix,
  options,
  item,
}: {
  kind: TrackItemKind;
  prefix: string;
  options: readonly Option[] | null;
  item?: TrackItem;
}) {
  const f = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      {options ? (
        <div>
          <label className="label" htmlFor={f('ref')}>
            {kind === 'flashcards' ? 'Competency' : kind === 'lesson' ? 'Lesson' : 'Scenario'}
          </label>
          <select id={f('ref')} name="ref" className="input" defaultValue={item?.ref} required>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div>
          <label className="label" htmlFor={f('ref')}>
            {kind === 'simulator-challenge' ? 'Challenge id' : 'Interview template id'}
          </label>
          <input
            id={f('ref')}
            name="ref"
            className="input"
            defaultValue={item?.ref}
            required
            maxLength={80}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
          />
          <p className="hint">Kebab-case id, e.g. tame-a-retry-storm.</p>
        </div>
      )}
      <div>
        <label className="label" htmlFor={f('title')}>
          Title (optional)
        </label>
        <input
          id={f('title')}
          name="title"
          className="input"
          defaultValue={item?.title}
          maxLength={120}
        />
      </div>
      <div>
        <label className="label" htmlFor={f('due')}>
          Due
        </label>
        <input
          id={f('due')}
          name="due"
          className="input"
          defaultValue={item?.due ?? 'day 3'}
          required
          maxLength={40}
          aria-describedby={f('due-hint')}
        />
        <p className="hint" id={f('due-hint')}>
          “day 3” or “week 2” after the member starts, or a date like 2026-12-15 (UTC).
        </p>
      </div>
      {kind === 'flashcards' && (
        <div>
          <label className="label" htmlFor={f('recall')}>
            Recall needed (%)
          </label>
          <input
            id={f('recall')}
            name="recallPercent"
            type="number"
            min={50}
            max={99}
            className="input"
            defaultValue={Math.round(
              (item?.kind === 'flashcards' ? item.recallThreshold : DEFAULT_RECALL_THRESHOLD) * 100,
            )}
            required
          />
        </div>
      )}
      {(kind === 'scenario' || kind === 'mock-interview') && (
        <div>
          <label className="label" htmlFor={f('pass')}>
            Pass score (1–100)
          </label>
          <input
            id={f('pass')}
            name="passScore"
            type="number"
            min={1}
            max={100}
            className="input"
            defaultValue={
              item && (item.kind === 'scenario' || item.kind === 'mock-interview')
                ? item.passScore
                : DEFAULT_PASS_SCORE
            }
            required
          />
        </div>
      )}
      <div className="flex items-center gap-2">
        <input
          id={f('required')}
          name="required"
          type="checkbox"
          defaultChecked={item ? item.required : true}
          className="h-5 w-5"
        />
        <label htmlFor={f('required')}>Required</label>
      </div>
    </>
  );
}
