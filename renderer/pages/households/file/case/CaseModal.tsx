// The dialogs of the case workspace: like components/FormModal (a fresh antd Form each time it opens,
// the dialog stays open when the server refuses and its field errors land on the form), but at most
// 720 px wide with a scrolling body and the buttons always visible below it (1366×768 screens).
import { Button, Form, Modal, Space, type FormInstance } from 'antd'
import { useState, type ReactNode } from 'react'

export interface CaseModalProps<V> {
  open: boolean
  title: ReactNode
  /** unique per page: prefixes the input ids and is the form's DOM id */
  name: string
  okText?: string
  danger?: boolean
  width?: number
  initialValues?: Partial<V>
  onClose: () => void
  /** return true to close the dialog */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<boolean>
  children: ReactNode
  /** shown left of the buttons (e.g. a hint why signing will be refused) */
  footerNote?: ReactNode
}

export function CaseModal<V extends object>(props: CaseModalProps<V>) {
  const [pending, setPending] = useState(false)
  const formId = `${props.name}-form`
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={Math.min(props.width ?? 640, 720)}
      style={{ top: 16, maxWidth: 'calc(100vw - 32px)' }}
      styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 6 } }}
      footer={
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <div style={{ flex: 1, textAlign: 'start', minWidth: 0 }}>{props.footerNote}</div>
          <Space>
            <Button onClick={props.onClose}>取消</Button>
            <Button type="primary" danger={props.danger} htmlType="submit" form={formId} loading={pending}>{props.okText ?? '确定提交'}</Button>
          </Space>
        </div>
      }
    >
      <ModalForm {...props} formId={formId} setPending={setPending} />
    </Modal>
  )
}

function ModalForm<V extends object>({ name, formId, initialValues, onClose, onSubmit, children, setPending }: CaseModalProps<V> & { formId: string; setPending: (p: boolean) => void }) {
  const [form] = Form.useForm<V>()
  return (
    <Form<V>
      form={form}
      name={name}
      id={formId}
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError={{ block: 'center' }}
      onFinish={async (v) => {
        setPending(true)
        try { if (await onSubmit(v, form)) onClose() } finally { setPending(false) }
      }}
    >
      {children}
    </Form>
  )
}

/** A titled block inside a case card or dialog. */
export function Section({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="case-section" data-testid={testId}>
      <div className="case-section-head">
        <span className="case-section-title">{title}</span>
        <div style={{ flex: 1 }} />
        {extra}
      </div>
      {children}
    </div>
  )
}
