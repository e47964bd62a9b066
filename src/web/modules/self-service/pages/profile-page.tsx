import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { TClientLanguage } from '../../../../contracts/self-service';
import { ProfileForm } from '../components/profile-form';
import { ProfileFrame } from '../components/profile-frame';
import { LinkProblem, ProfileLoadError, ProfileLoading, ThankYou } from '../components/profile-notices';
import { rememberProfileLanguage, storedProfileLanguage } from '../public/document-language';
import { fallbackText } from '../public/fallback-text';
import {
  fetchProfileForm,
  isLinkUnusable,
  linkProblemDetail,
  publicProblem,
  type TPublicProblem,
  type TSubmitReceipt,
} from '../public/public-api';
import { publicText, publicTexts } from '../public/public-texts';

/**
 * The client's application profile (`/profile/:token`, no sign-in; the address the counsellor sends
 * as link and QR code). Shows the form in the language chosen before on this device, else the link's;
 * the picker switches all texts at once (the draft keeps the answers). An unknown, expired, used or
 * revoked link shows the server's reason in the chosen language and nothing else; after the submit,
 * the thank-you page.
 */
export function ProfilePage() {
  const { token = '' } = useParams();
  const [chosen, setChosen] = useState<TClientLanguage | undefined>(storedProfileLanguage);
  const [gone, setGone] = useState<TPublicProblem | null>(null);
  const [receipt, setReceipt] = useState<TSubmitReceipt | null>(null);
  const query = useQuery({
    queryKey: ['public-profile', token, chosen ?? 'link'],
    queryFn: ({ signal }) => fetchProfileForm(token, chosen, signal),
    placeholderData: keepPreviousData,
    retry: (count, error) => !isLinkUnusable(error) && count < 2,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // Any client error (unknown, malformed, used, revoked, expired link …) shows the link-problem page.
  const unusable = isLinkUnusable(query.error) ? query.error : null;
  const problem: TPublicProblem | null =
    gone ??
    (unusable
      ? (publicProblem(unusable) ?? { type: '', title: '', status: unusable.status, code: unusable.code })
      : null);
  const lang: TClientLanguage =
    receipt?.language ?? chosen ?? problem?.language ?? query.data?.language ?? 'de';
  const pt = useMemo(() => publicTexts(lang), [lang]);
  // Keep the last form shown while another language loads or fails to load (the answers stay on screen).
  const lastForm = useRef(query.data);
  if (query.data) lastForm.current = query.data;
  const form = query.data ?? (unusable ? undefined : lastForm.current);

  const choose = (next: TClientLanguage) => {
    rememberProfileLanguage(next);
    setChosen(next);
    // A link problem is asked again so its reason comes in the new language.
    if (gone) setGone(null);
  };

  let content: React.ReactNode;
  if (receipt) content = <ThankYou message={receipt.message} pt={pt} />;
  else if (problem) content = <LinkProblem detail={linkProblemDetail(problem, lang)} pt={pt} />;
  else if (form) {
    content = (
      <ProfileForm
        token={token}
        form={form}
        lang={form.language}
        pt={publicTexts(form.language)}
        onGone={(error) =>
          setGone(publicProblem(error) ?? { type: '', title: '', status: 410, code: 'gone' })
        }
        onSubmitted={setReceipt}
      />
    );
  } else if (query.isError) content = <ProfileLoadError pt={pt} onRetry={() => void query.refetch()} />;
  else content = <ProfileLoading pt={pt} />;

  const shown = form && !problem && !receipt ? form.language : lang;
  return (
    <ProfileFrame
      lang={shown}
      languageLabel={
        form?.texts['language.label']
          ? fallbackText(form)('language.label')
          : publicText(shown, 'languagePicker')
      }
      onLanguage={choose}
      officeName={form && !problem ? form.officeName : undefined}
      title={form?.texts.title ?? pt('linkProblemTitle')}
    >
      {content}
    </ProfileFrame>
  );
}
