import { Button, Group, Modal, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { downloadWithToken, notify, useApi, useErrorMessage } from '@toolocr/platform-web';
import { useTranslation } from 'react-i18next';
import { AuthImage } from '../../../shared/components/AuthImage';
import type { Attachment } from '../../../shared/api/types';

/** A photo at preview size (≤ 1,280 px, EXIF removed by the server), with the original to download. */
export function ImageViewer({ file, onClose }: { file: Attachment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  return (
    <Modal opened={file !== null} onClose={onClose} title={file?.filename} size="auto" centered data-testid="image-viewer">
      {file && (
        <Stack>
          <AuthImage path={`/api/v2/files/${file.id}/preview`} alt={file.filename} className="viewer-image" />
          <Group justify="flex-end">
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => downloadWithToken(api, `/api/v2/files/${file.id}`, file.filename).catch((e) => notify({ color: 'red', message: errorText(e) }))}
            >
              {t('room.download')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
