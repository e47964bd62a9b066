import { Button, Divider, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOffice } from '../../../../contracts/offices';
import { FormAlert } from '../../../ui/form-errors';
import { AppDrawer } from '../../../ui/overlays';
import { PageLoader, QueryError } from '../../../ui/status';
import { type TUserWithPassword, useUser } from '../api';
import { EditUserForm } from './edit-user-form';
import { UserAccountActions } from './user-account-actions';

/** Props of {@link EditUserDrawer}. */
export interface EditUserDrawerProps {
  /** Id of the user to edit; null → closed. */
  userId: string | null;
  /** Id of the signed-in user. */
  selfId: string;
  offices: readonly TOffice[];
  onClose: () => void;
  onPasswordReset: (result: TUserWithPassword) => void;
}

/**
 * Drawer editing one user (admin): profile form, disable/enable, password reset. Loads the user fresh
 * so the `version` is current; a 409 conflict explains the clash and offers to reload.
 */
export function EditUserDrawer({ userId, selfId, offices, onClose, onPasswordReset }: EditUserDrawerProps) {
  const { t } = useTranslation();
  const query = useUser(userId);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const report = (next: string | null, isConflict: boolean) => {
    setMessage(next);
    setConflict(isConflict);
  };
  const close = () => {
    report(null, false);
    onClose();
  };
  const user = query.data;

  return (
    <AppDrawer opened={userId !== null} onClose={close} title={t('users.editTitle')}>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {user ? (
        <Stack>
          <FormAlert message={message}>
            {conflict ? (
              <Button
                mt="sm"
                size="xs"
                variant="default"
                display="block"
                onClick={() => {
                  report(null, false);
                  void query.refetch();
                }}
              >
                {t('app.reload')}
              </Button>
            ) : null}
          </FormAlert>
          <EditUserForm
            key={`${user.id}-${user.version}`}
            user={user}
            offices={offices}
            onError={report}
            onCancel={close}
          />
          <Divider />
          <UserAccountActions
            user={user}
            isSelf={user.id === selfId}
            onError={report}
            onPasswordReset={onPasswordReset}
          />
        </Stack>
      ) : null}
    </AppDrawer>
  );
}
