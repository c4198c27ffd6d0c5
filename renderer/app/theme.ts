// A sober government blue, compact density for 1366×768 screens.
import { theme, type ThemeConfig } from 'antd'

export const PRIMARY = '#1f4e99'

export const appTheme: ThemeConfig = {
  algorithm: [theme.defaultAlgorithm, theme.compactAlgorithm],
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    borderRadius: 4,
    fontSize: 14,
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif'
  },
  components: {
    Layout: { headerBg: PRIMARY, headerHeight: 48, headerPadding: '0 16px', siderBg: '#fff', bodyBg: '#f3f5f9' },
    Menu: { itemHeight: 36 },
    Table: { cellPaddingBlockSM: 6 },
    Card: { headerHeightSM: 36 }
  }
}
