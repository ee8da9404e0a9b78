import { useEffect, useId, useState } from 'react';
import '../../styles/accounts.css';
import { ACCOUNT_ROLE_NAMES, type AccountListItem, type AccountRoleName } from '../../../../shared/protocol';
import { api, errorCode } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The administrator's account list: each account's roles and whether it is on. A local account's
 * roles are checkboxes; an account from the organisation's identity provider shows its roles as
 * text, managed there. Every account but one's own can be switched off and on.
 */
export function AccountsPanel({ selfId }: { selfId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [accounts, setAccounts] = useState<AccountListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    api<{ accounts: AccountListItem[] }>('/api/accounts').then(
      (a) => live && setAccounts(a.accounts),
      (err: unknown) => live && setError(errorCode(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  async function change(account: AccountListItem, body: { roles?: AccountRoleName[]; disabled?: boolean }) {
    setError(null);
    setStatus('');
    try {
      const { account: changed } = await api<{ account: AccountListItem }>(`/api/accounts/${account.id}`, { method: 'PATCH', body });
      setAccounts((list) => list?.map((a) => (a.id === changed.id ? changed : a)) ?? null);
      setStatus(t('accounts.saved', { name: changed.name }));
    } catch (err) {
      setError(errorCode(err));
    }
  }

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('accounts.title')}
      </h2>
      <p>{t('accounts.intro')}</p>
      <ErrorAlert code={error} />
      <p className="rb-sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {accounts === null ? (
        !error && <p className="rb-loading">{t('app.loading')}</p>
      ) : (
        <ul className="rb-accounts">
          {accounts.map((a) => (
            <AccountRow key={a.id} account={a} self={a.id === selfId} onChange={(body) => void change(a, body)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AccountRow({ account, self, onChange }: { account: AccountListItem; self: boolean; onChange: (body: { roles?: AccountRoleName[]; disabled?: boolean }) => void }) {
  const { t } = useI18n();
  const [roles, setRoles] = useState<AccountRoleName[]>(account.roles);
  useEffect(() => setRoles(account.roles), [account.roles]);
  const roleName = (r: AccountRoleName) => t(`accounts.role.${r}`);
  const changed = roles.length > 0 && (roles.length !== account.roles.length || roles.some((r) => !account.roles.includes(r)));
  return (
    <li className="rb-accounts__item">
      <p className="rb-accounts__who">
        <strong>{account.name}</strong> <span className="rb-accounts__email">{account.email}</span>{' '}
        <span className={account.disabled ? 'rb-accounts__state rb-accounts__state--off' : 'rb-accounts__state'}>
          {account.disabled ? t('accounts.disabled') : t('accounts.active')}
        </span>
      </p>
      {account.managedBy === 'provider' ? (
        <p className="rb-accounts__roles">
          {t('accounts.roles')}: {account.roles.map(roleName).join(', ')} — <em>{t('accounts.managedByProvider')}</em>
        </p>
      ) : (
        <fieldset className="rb-accounts__roles">
          <legend>
            <span aria-hidden="true">{t('accounts.roles')}</span>
            <span className="rb-sr-only">{t('accounts.rolesFor', { name: account.name })}</span>
          </legend>
          {ACCOUNT_ROLE_NAMES.map((r) => (
            <label key={r} className="rb-accounts__role">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                // One's own administrator role stays: nobody locks themselves out.
                disabled={self && r === 'admin'}
                onChange={(e) => setRoles((now) => (e.target.checked ? [...now, r] : now.filter((x) => x !== r)))}
              />{' '}
              {roleName(r)}
            </label>
          ))}
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
            disabled={!changed}
            onClick={() => onChange({ roles })}
          >
            {t('accounts.save')}
          </button>
        </fieldset>
      )}
      {!self && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
          onClick={() => onChange({ disabled: !account.disabled })}
        >
          {account.disabled ? t('accounts.enable') : t('accounts.disable')}
          <span className="rb-sr-only">: {account.name}</span>
        </button>
      )}
    </li>
  );
}
