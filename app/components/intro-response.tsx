import { AcceptDecline } from './accept-decline'

/** The answer to an introduction request: accept, or decline with a structured reason. */
export function IntroResponse({ action }: { action: string }) {
  return (
    <AcceptDecline
      ns="intro"
      action={action}
      hidden={{ intent: 'respond' }}
      defaultReason="CAPACITY"
      acceptClassName="primary"
    />
  )
}
