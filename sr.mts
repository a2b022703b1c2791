import { safeRedirect } from './app/utils/session.server'
for (const t of ['/\\evil.example/', '/\tevil.example/', '/%09/evil.example/', '/%5Cevil.example/', '//evil.example', '/needs/abc?tab=results', '/search/results?q=%E9%94%82', 'https://evil.example', '/\u0000x']) console.log(JSON.stringify(t), '→', safeRedirect(t, '/home'))
