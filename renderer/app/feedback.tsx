// Themed message/modal/notification usable outside components (antd's static `message` ignores the
// ConfigProvider theme and locale). <FeedbackBridge/> sits inside <App> and hands over the hooks.
import { App } from 'antd'
import { useEffect } from 'react'

type AppApi = ReturnType<typeof App.useApp>
let messageApi: AppApi['message'] | null = null
let modalApi: AppApi['modal'] | null = null
let notificationApi: AppApi['notification'] | null = null

export function FeedbackBridge() {
  const { message, modal, notification } = App.useApp()
  messageApi = message
  modalApi = modal
  notificationApi = notification
  useEffect(() => () => { messageApi = null; modalApi = null; notificationApi = null }, [])
  return null
}

export const feedback = {
  error(text: string) { if (messageApi) void messageApi.error(text, 6); else console.error(text) },
  success(text: string) { if (messageApi) void messageApi.success(text); },
  warning(text: string) { if (messageApi) void messageApi.warning(text, 5) },
  info(text: string) { if (messageApi) void messageApi.info(text) },
  get modal() { return modalApi },
  get notification() { return notificationApi }
}
