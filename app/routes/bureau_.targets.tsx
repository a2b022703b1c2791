import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/csrf-input'
import { FieldError, InputFor, SelectFor } from '~/components/field'
import { Money } from '~/components/money'
import { listAreas } from '~/models/areas.server'
import { listTargets, saveTarget } from '~/models/kpis.server'
import { requireCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/utils/meta'
import { requireBureauStaff } from '~/utils/permissions.server'
import { DATE_BASES, MONEY_METRICS, TARGET_METRICS, TargetFormSchema } from '~/validation/targets'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'kpis.targets')

/** Targets per metric, year and scope, each with the counting basis it is measured on. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauStaff(request)
  const [targets, areas] = await Promise.all([listTargets(), listAreas()])
  return {
    year: new Date().getUTCFullYear(),
    areas: areas.map((a) => ({ id: a.id, nameZh: a.nameZh, nameEn: a.nameEn })),
    targets: targets.map((t) => ({
      id: t.id,
      metric: t.metric,
      year: t.year,
      area: t.area,
      basis: t.basis,
      dateBasis: t.dateBasis,
      value: t.value.toFixed(2).replace(/\.00$/, ''),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, membership } = await requireBureauStaff(request)
  const formData = await request.formData()
  await requireCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: TargetFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  await saveTarget({ userId: user.id, organizationId: membership.organizationId }, submission.value)
  return submission.reply({ resetForm: true })
}

export default function Targets() {
  const { t, i18n } = useTranslation()
  const { targets, areas, year } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const zh = i18n.language === 'zh'
  const [form, f] = useForm({
    lastResult,
    defaultValue: { year: String(year), metric: 'CONTRACT_AMOUNT', basis: 'BOTH', dateBasis: 'REGISTRATION' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TargetFormSchema }),
  })
  return (
    <>
      <p>
        <Link to="/bureau">← {t('bureau.title')}</Link> · <Link to="/bureau/kpis">{t('kpis.title')}</Link>
      </p>
      <h1>{t('kpis.targets')}</h1>
      <div className="table-wrap">
        <table data-testid="targets">
          <thead>
            <tr>
              <th>{t('bureau.year')}</th>
              <th>{t('kpis.metric')}</th>
              <th>{t('dashboard.scopeLabel')}</th>
              <th>{t('kpis.target')}</th>
              <th>{t('bureau.basis')}</th>
              <th>{t('dateBasis.label')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((row) => (
              <tr key={row.id}>
                <td>{row.year}</td>
                <td>{t(`kpis.metrics.${row.metric}`)}</td>
                <td>{row.area ? (zh ? row.area.nameZh : row.area.nameEn) : t('dashboard.scope.district')}</td>
                <td>
                  {(MONEY_METRICS as readonly string[]).includes(row.metric) ? <Money fen={row.value} /> : row.value}
                </td>
                <td>{t(`basis.${row.basis}`)}</td>
                <td>{t(`dateBasis.${row.dateBasis}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('kpis.setTarget')}</h2>
      <Form method="post" className="stack panel" {...getFormProps(form)}>
        <CsrfInput />
        <FieldError id={`${form.id}-error`} errors={form.errors} />
        <div className="grid two">
          <SelectFor
            label={t('kpis.metric')}
            options={TARGET_METRICS.map((m) => ({ value: m, label: t(`kpis.metrics.${m}`) }))}
            meta={f.metric}
          />
          <InputFor label={t('bureau.year')} meta={f.year} type="number" />
        </div>
        <div className="grid two">
          <SelectFor
            label={t('dashboard.scopeLabel')}
            placeholder={t('dashboard.scope.district')}
            options={areas.map((a) => ({ value: a.id, label: zh ? a.nameZh : a.nameEn }))}
            meta={f.areaId}
          />
          <SelectFor
            label={t('bureau.basis')}
            options={(['BOTH', 'OUTFLOW', 'INFLOW'] as const).map((b) => ({ value: b, label: t(`basis.${b}`) }))}
            meta={f.basis}
          />
        </div>
        <SelectFor
          label={t('dateBasis.label')}
          options={DATE_BASES.map((b) => ({ value: b, label: t(`dateBasis.${b}`) }))}
          meta={f.dateBasis}
        />
        <InputFor label={t('kpis.amount')} hint={t('kpis.amountHint')} inputMode="decimal" meta={f.amount} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('kpis.saveTarget')}
          </button>
        </div>
      </Form>
    </>
  )
}
