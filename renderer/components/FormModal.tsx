// A modal holding one antd Form. The form is created fresh each time the modal opens (so it always
// starts from `initialValues`), its buttons are inside the <form> so Enter submits, and the modal
// stays open when `onSubmit` reports failure (the server's field errors are then on the form).
import { Button, Form, Input, Modal, Space, type FormInstance } from 'antd'
import { useState, type ReactNode } from 'react'
import { maxLen, required } from './rules'

export interface FormModalProps<V> {
  open: boolean
  title: ReactNode
  /** unique per page: prefixes the input ids, so labels stay unique next to the page's own form */
  name: string
  okText?: string
  danger?: boolean
  width?: number | string
  initialValues?: Partial<V>
  onClose: () => void
  /** return true to close the modal */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<boolean>
  children: ReactNode | ((form: FormInstance<V>) => ReactNode)
  testId?: string
}

export function FormModal<V extends object>(props: FormModalProps<V>) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      width={props.width ?? 560}
      data-testid={props.testId}
    >
      <ModalForm {...props} />
    </Modal>
  )
}

function ModalForm<V extends object>({ name, okText, danger, initialValues, onClose, onSubmit, children, testId }: FormModalProps<V>) {
  const [form] = Form.useForm<V>()
  const [pending, setPending] = useState(false)
  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      initialValues={initialValues}
      data-testid={testId ? `${testId}-form` : undefined}
      onFinish={async (v) => {
        setPending(true)
        try { if (await onSubmit(v, form)) onClose() } finally { setPending(false) }
      }}
    >
      {typeof children === 'function' ? children(form) : children}
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 8 }}>
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" danger={danger} htmlType="submit" loading={pending}>{okText ?? '确定提交'}</Button>
        </Space>
      </div>
    </Form>
  )
}

/** The common "write the reason" field. */
export function ReasonField({ label = '原因', placeholder, autoFocus = true }: { label?: string; placeholder?: string; autoFocus?: boolean }) {
  return (
    <Form.Item label={label} name="reason" rules={[required('请写明原因'), maxLen('原因', 500)]}>
      <Input.TextArea autoFocus={autoFocus} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={placeholder} />
    </Form.Item>
  )
}
