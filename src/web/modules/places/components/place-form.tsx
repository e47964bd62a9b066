import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOccupationSuggestion, TPlace } from '../../../../contracts/places';
import { isApiError } from '../../../lib/api';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { PageLoader, QueryError } from '../../../ui/status';
import { applyProblem } from '../../clients';
import { useCreatePlace, usePlace, usePlaceCompany, useUpdatePlace } from '../api';
import {
  checkPlaceForm,
  emptyPlaceForm,
  formToCreate,
  formToUpdate,
  occupationSuggestions,
  placeToForm,
  type TPlaceFormValues,
} from '../place-form';
import { PlaceFormFields } from './place-form-fields';
import type { TPickOption } from './record-picker';

/** Props of {@link PlaceForm}. */
export interface PlaceFormProps {
  /** The place to edit (as last read; its `version` goes with the change); omitted → a new place. */
  place?: TPlace;
  /** Company of a new place, fixed (no company picker). */
  companyId?: string;
  /** Called after saving, with the saved place. */
  onSaved: (place: TPlace) => void;
  onCancel: () => void;
  /** Reloads the place after a 409 (the form is rebuilt from the fresh record). */
  onReload?: () => void;
}

/**
 * Creates or edits a training place. A new place takes its company's address and offers its contact
 * persons; an edit sends only the changed fields with the `version` read. Server field errors show at
 * the field; for a refused occupation the server's nearest recognised occupations are offered; a 409
 * (someone saved first) says so and offers to reload.
 */
export function PlaceForm({ place, companyId, onSaved, onCancel, onReload }: PlaceFormProps) {
  const { t } = useTranslation();
  const create = useCreatePlace();
  const update = useUpdatePlace();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [suggestions, setSuggestions] = useState<TOccupationSuggestion[]>([]);
  const initial = useRef<TPlaceFormValues>(
    place
      ? placeToForm(place)
      : emptyPlaceForm(companyId ? { companyId, postcode: null, place: null } : null),
  );
  const form = useForm<TPlaceFormValues>({ initialValues: initial.current });
  const [picked, setPicked] = useState<TPickOption | null>(
    place ? { id: place.companyId, label: place.companyName } : null,
  );
  const company = usePlaceCompany(form.values.companyId || null);
  // The town the form took from the company: replaced when the postcode changes.
  const defaultedPlace = useRef<string | null>(null);

  // A new place takes the company's address once the company is known (unless typed already).
  const companyData = company.data;
  const defaultedFor = useRef<string | null>(null);
  useEffect(() => {
    if (place || !companyData || companyData.id !== form.getValues().companyId) return;
    if (defaultedFor.current === companyData.id) return;
    defaultedFor.current = companyData.id;
    const values = form.getValues();
    if (!values.postcode && !values.place) {
      form.setValues({ postcode: companyData.postcode ?? '', place: companyData.place ?? '' });
      defaultedPlace.current = companyData.place;
    }
  }, [companyData, place, form]);

  const companyOption: TPickOption | null =
    picked ?? (companyData ? { id: companyData.id, label: companyData.name } : null);

  const submit = form.onSubmit((values) => {
    setMessage(null);
    setConflict(false);
    const problems = checkPlaceForm(values);
    if (Object.keys(problems).length > 0) {
      for (const [field, key] of Object.entries(problems)) form.setFieldError(field, t(key));
      setMessage(t('places.validation.fixErrors'));
      return;
    }
    const onError = (error: unknown) => {
      setSuggestions(occupationSuggestions(error));
      if (isApiError(error, 409)) {
        setConflict(true);
        setMessage(t('places.form.conflict'));
        return;
      }
      setMessage(applyProblem(form, error, t));
    };
    if (!place) {
      create.mutate(formToCreate(values), {
        onSuccess: (saved) => {
          notifySuccess(t('places.form.created'));
          onSaved(saved);
        },
        onError,
      });
      return;
    }
    const body = formToUpdate(initial.current, values, place.version);
    if (!body) {
      notifySuccess(t('places.form.noChanges'));
      onSaved(place);
      return;
    }
    update.mutate(
      { id: place.id, body },
      {
        onSuccess: (saved) => {
          notifySuccess(t('places.form.saved'));
          onSaved(saved);
        },
        onError,
      },
    );
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={place ? t('places.form.editTitle') : t('places.form.createTitle')}
    >
      <Stack gap="lg">
        <PlaceFormFields
          form={form}
          company={companyOption}
          companyFixed={Boolean(place || companyId)}
          onCompanyChange={(option) => {
            setPicked(option);
            defaultedFor.current = null;
            form.setFieldValue('companyId', option?.id ?? '');
            form.setFieldValue('contactPersonId', '');
            if (form.getValues().place === defaultedPlace.current) {
              form.setValues({ postcode: '', place: '' });
            }
          }}
          contactPersons={company.data?.contactPersons ?? []}
          suggestions={suggestions}
          onSuggestionPick={(s) => {
            form.setFieldValue('occupationId', s.id);
            form.clearFieldError('occupationId');
            setSuggestions([]);
          }}
          onPostcodeChange={(postcode) => {
            const values = form.getValues();
            form.setFieldValue('postcode', postcode);
            if (defaultedPlace.current !== null && values.place === defaultedPlace.current) {
              form.setFieldValue('place', '');
              defaultedPlace.current = null;
            }
          }}
        />
        <FormAlert message={message}>
          {conflict && onReload ? (
            <Stack gap="xs" mt="sm" align="flex-start">
              <Text size="sm">{t('places.form.conflictHint')}</Text>
              <Button size="xs" variant="default" onClick={onReload}>
                {t('app.reload')}
              </Button>
            </Stack>
          ) : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {place ? t('app.save') : t('places.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Props of {@link PlaceFormDialog}. */
export interface PlaceFormDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Id of the place to edit; omitted → a new place. */
  placeId?: string;
  /** Company of a new place, fixed. */
  companyId?: string;
  /** Called after saving (the dialog closes itself). */
  onSaved?: (place: TPlace) => void;
}

/** The place form in a dialog: "Ausbildungsplatz hinzufügen" or "Platz bearbeiten" (reads the place first). */
export function PlaceFormDialog({ opened, onClose, placeId, companyId, onSaved }: PlaceFormDialogProps) {
  const { t } = useTranslation();
  const place = usePlace(opened ? placeId : undefined);
  let body: React.ReactNode;
  if (placeId && place.isPending) body = <PageLoader />;
  else if (placeId && place.isError)
    body = <QueryError error={place.error} onRetry={() => void place.refetch()} />;
  else {
    body = (
      <PlaceForm
        // A reloaded place (new version) rebuilds the form from the fresh record.
        key={place.data ? `${place.data.id}-${place.data.version}` : 'new'}
        place={placeId ? place.data : undefined}
        companyId={companyId}
        onCancel={onClose}
        onReload={() => void place.refetch()}
        onSaved={(saved) => {
          onSaved?.(saved);
          onClose();
        }}
      />
    );
  }
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={placeId ? t('places.form.editTitle') : t('places.form.createTitle')}
    >
      {opened ? body : null}
    </AppModal>
  );
}
