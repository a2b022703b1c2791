import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { useZodForm, ZodForm } from '~/components/zod-form'
import { InputFor, TextAreaFor, SelectFor } from '~/components/field'
import { listAreas } from '~/models/areas.server'
import { createCampaign, listCampaigns } from '~/models/curation.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'
import { CampaignFormSchema } from '~/validation/curation'
import { calendarDate } from '~/utils/format'
import { beijingToday } from '~/utils/time'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'curation.campaigns')

/** 征集: the bureau's need-collection campaigns, and a form to open one. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const [campaigns, areas] = await Promise.all([listCampaigns(), listAreas()])
  const today = beijingToday()
  return {
    today,
    areas: areas.map((a) => ({ id: a.id, nameZh: a.nameZh, nameEn: a.nameEn })),
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      area: c.area,
      startsOn: calendarDate(c.startsOn),
      endsOn: calendarDate(c.endsOn),
      needs: c.needs,
      open: c.open,
      running: calendarDate(c.startsOn) <= today && calendarDate(c.endsOn) >= today,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireBureauStaff(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: CampaignFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await createCampaign({ userId: user.id, organizationId: membership.organizationId }, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
  return redirect(`/bureau/campaigns/${outcome.id}`)
}

export default function Campaigns() {
  const { t, i18n } = useTranslation()
  const { campaigns, areas, today } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const zh = i18n.language === 'zh'
  const [form, f] = useZodForm(CampaignFormSchema, lastResult, { startsOn: today })
  return (
    <>
      <p>
        <Link to="/bureau">← {t('bureau.title')}</Link> · <Link to="/bureau/needs">{t('curation.unmatched')}</Link>
      </p>
      <h1>{t('curation.campaigns')}</h1>
      <p className="muted">{t('curation.campaignsIntro')}</p>
      {campaigns.length === 0 ? <p className="muted">{t('curation.noCampaigns')}</p> : null}
      <div className="table-wrap">
        <table data-testid="campaigns">
          <thead>
            <tr>
              <th>{t('curation.name')}</th>
              <th>{t('fields.area')}</th>
              <th>{t('curation.period')}</th>
              <th>{t('curation.needCount')}</th>
              <th>{t('curation.openCount')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/bureau/campaigns/${c.id}`}>{c.name}</Link>{' '}
                  {c.running ? <span className="badge new">{t('curation.running')}</span> : null}
                </td>
                <td>{c.area ? (zh ? c.area.nameZh : c.area.nameEn) : t('curation.districtWide')}</td>
                <td>
                  {c.startsOn} – {c.endsOn}
                </td>
                <td>{c.needs}</td>
                <td>{c.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('curation.newCampaign')}</h2>
      <ZodForm form={form}>
        <InputFor label={t('curation.name')} meta={f.name} />
        <SelectFor
          label={t('fields.area')}
          placeholder={t('curation.districtWide')}
          options={areas.map((a) => ({ value: a.id, label: zh ? a.nameZh : a.nameEn }))}
          meta={f.areaId}
        />
        <div className="grid two">
          <InputFor label={t('curation.startsOn')} meta={f.startsOn} type="date" />
          <InputFor label={t('curation.endsOn')} meta={f.endsOn} type="date" />
        </div>
        <TextAreaFor label={t('curation.description')} rows={3} meta={f.description} />
        <p className="hint">{t('curation.inviteHint')}</p>
        <div className="actions">
          <button type="submit" className="primary">
            {t('curation.open')}
          </button>
        </div>
      </ZodForm>
    </>
  )
}
