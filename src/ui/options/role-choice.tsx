import { BRAND_ROLES, type BrandRole } from '../../core/profile.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';

export const ROLE_TEXT: Record<BrandRole, MessageKey> = {
  own: 'optionsRoleOwn',
  competitor: 'optionsRoleCompetitor',
};

/** Whose names a brand's are: the company's own, or a competitor's. */
export function RoleChoice(props: {
  id: string;
  role: BrandRole;
  onChange: (role: BrandRole) => void;
}) {
  return (
    <fieldset class="role-choice">
      <legend>{t('optionsRole')}</legend>
      {BRAND_ROLES.map((role) => (
        <label key={role}>
          <input
            type="radio"
            name={`${props.id}-role`}
            value={role}
            checked={props.role === role}
            onChange={() => props.onChange(role)}
          />
          {t(ROLE_TEXT[role])}
        </label>
      ))}
    </fieldset>
  );
}
