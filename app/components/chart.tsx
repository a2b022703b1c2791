import { useEffect, useRef } from 'react'
import type { EChartsCoreOption } from 'echarts/core'

/**
 * An Apache ECharts chart, drawn in the browser only (the server renders the table beside it).
 * Only the chart types and components the dashboard uses are loaded.
 */
export function Chart({ option, height = 280, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let disposed = false
    let chart: { dispose(): void; resize(): void } | undefined
    const resize = () => chart?.resize()
    void (async () => {
      const [core, charts, components, renderers] = await Promise.all([
        import('echarts/core'),
        import('echarts/charts'),
        import('echarts/components'),
        import('echarts/renderers'),
      ])
      core.use([
        charts.BarChart,
        charts.LineChart,
        charts.FunnelChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        components.MarkLineComponent,
        renderers.CanvasRenderer,
      ])
      if (disposed || !ref.current) return
      const instance = core.init(ref.current, undefined, { renderer: 'canvas' })
      instance.setOption({ textStyle: { fontFamily: 'Noto Sans CJK SC, sans-serif' }, ...option })
      chart = instance
      window.addEventListener('resize', resize)
    })()
    return () => {
      disposed = true
      window.removeEventListener('resize', resize)
      chart?.dispose()
    }
  }, [option])
  return <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }} />
}
