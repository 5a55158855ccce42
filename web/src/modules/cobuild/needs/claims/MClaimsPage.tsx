import { useState } from 'react';
import { addStrings, useI18n } from '../../../../i18n';
import { Card, Spinner } from '../../../../mobile/parts';
import { useToast } from '../../../../mobile/Toast';
import { formatDate } from '../../../../ui/format';
import { type ClaimableNeed, type NeedClaimView, useClaimable, useClaims, useClaimWrites } from './api';
import { myClaimsInOrder, servedSpan, stillClaimable } from './claimsList';
import needClaimsStrings from './i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(needClaimsStrings);

const CHIP: Record<NeedClaimView['status'], string> = {
  claimed: 'm-chip m-chip-work',
  fulfilled: 'm-chip m-chip-done',
  withdrawn: 'm-chip m-chip-off',
};

/** Asks before a claim is made or withdrawn: the question, an optional message, confirm or cancel. */
function ConfirmPanel({
  question,
  confirmLabel,
  busy,
  withNote,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  busy: boolean;
  withNote: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <div className="m-confirm" data-testid="m-claim-confirm">
      <p style={{ margin: '0 0 6px' }}>{question}</p>
      {withNote && (
        <textarea
          className="m-textarea"
          value={note}
          maxLength={500}
          placeholder={t('needClaims.notePlaceholder')}
          aria-label={t('needClaims.note')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="m-claim-note"
        />
      )}
      <div className="m-row" style={{ marginTop: 8 }}>
        <button type="button" className="m-btn" onClick={onCancel} disabled={busy}>
          {t('needClaims.cancel')}
        </button>
        <button
          type="button"
          className="m-btn m-btn-primary"
          disabled={busy}
          onClick={() => onConfirm(note.trim())}
          data-testid="m-claim-yes"
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}

function MyClaim({ c }: { c: NeedClaimView }) {
  const { t } = useI18n();
  const toast = useToast();
  const { withdraw } = useClaimWrites();
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    try {
      await withdraw.mutateAsync(c);
      toast.show(t('needClaims.withdrawnToast'), 'success');
    } catch (err) {
      toast.error(err);
    }
    setAsking(false);
  };
  return (
    <div className="m-item" data-testid="m-my-claim">
      <div className="m-case-top">
        <strong>{c.needTitle}</strong>
        <span className={CHIP[c.status]}>{t(`needClaims.statuses.${c.status}`)}</span>
      </div>
      <div className="m-muted">
        {c.communityName} · {t('needClaims.claimedAt', { date: formatDate(c.createdAt) })}
      </div>
      {c.startsAt && c.endsAt && (
        <div className="m-muted">{t('needClaims.served', { time: servedSpan(c.startsAt, c.endsAt) })}</div>
      )}
      {c.note && <div className="m-tl-note">{c.note}</div>}
      {c.status === 'claimed' &&
        (asking ? (
          <ConfirmPanel
            question={t('needClaims.withdrawConfirm', { title: c.needTitle })}
            confirmLabel={t('needClaims.confirmWithdraw')}
            busy={withdraw.isPending}
            withNote={false}
            onConfirm={() => void confirm()}
            onCancel={() => setAsking(false)}
          />
        ) : (
          <button
            type="button"
            className="m-btn m-btn-small"
            style={{ marginTop: 8 }}
            onClick={() => setAsking(true)}
            data-testid="m-claim-withdraw"
          >
            {t('needClaims.withdraw')}
          </button>
        ))}
    </div>
  );
}

function Claimable({ n }: { n: ClaimableNeed }) {
  const { t } = useI18n();
  const toast = useToast();
  const { claim } = useClaimWrites();
  const [asking, setAsking] = useState(false);
  const confirm = async (note: string) => {
    try {
      await claim.mutateAsync({ needId: n.id, note: note || undefined });
      toast.show(t('needClaims.claimedToast'), 'success');
      setAsking(false);
    } catch (err) {
      toast.error(err);
    }
  };
  return (
    <div className="m-item" data-testid="m-claimable">
      <div className="m-case-top">
        <strong>{n.title}</strong>
        {n.priority >= 4 && <span className="m-chip m-chip-warn">{t('needClaims.urgent')}</span>}
      </div>
      {n.description && n.description !== n.title && <p className="m-desc m-muted">{n.description}</p>}
      {asking ? (
        <ConfirmPanel
          question={t('needClaims.claimConfirm', { title: n.title })}
          confirmLabel={t('needClaims.confirmClaim')}
          busy={claim.isPending}
          withNote
          onConfirm={(note) => void confirm(note)}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button
          type="button"
          className="m-btn m-btn-primary m-btn-small"
          style={{ marginTop: 6 }}
          onClick={() => setAsking(true)}
          data-testid="m-claim"
        >
          {n.myClaim ? t('needClaims.claimAgain') : t('needClaims.claim')}
        </button>
      )}
    </div>
  );
}

/**
 * 微心愿 on a Party member's phone (/m/needs): my claims with their state (withdraw an open one), then the needs of
 * the community I live in that I can claim — each claim and withdrawal asked for once more before it is sent.
 */
export default function MClaimsPage() {
  const { t } = useI18n();
  const claimable = useClaimable();
  const mine = useClaims({ pageSize: 50 });
  const claims = myClaimsInOrder(mine.data?.items ?? []);
  const open = stillClaimable(claimable.data?.items ?? []);
  return (
    <div className="m-page" data-testid="m-claims-page">
      <div className="m-hello">
        <strong>{t('needClaims.title')}</strong>
        <span>{t('needClaims.phoneIntro')}</span>
      </div>
      <Card title={t('needClaims.mine')} testId="m-my-claims">
        {mine.isLoading ? (
          <Spinner />
        ) : mine.isError ? (
          <p className="m-error">{mine.error.message}</p>
        ) : claims.length === 0 ? (
          <p className="m-muted">{t('needClaims.noMine')}</p>
        ) : (
          claims.map((c) => <MyClaim key={c.id} c={c} />)
        )}
      </Card>
      <Card title={t('needClaims.claimable')} testId="m-claimable-list">
        {claimable.isLoading ? (
          <Spinner />
        ) : claimable.isError ? (
          <p className="m-error">{claimable.error.message}</p>
        ) : open.length === 0 ? (
          <p className="m-muted">{t('needClaims.noClaimable')}</p>
        ) : (
          open.map((n) => <Claimable key={n.id} n={n} />)
        )}
      </Card>
    </div>
  );
}
