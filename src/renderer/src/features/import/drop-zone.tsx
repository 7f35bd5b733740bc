// A full-window drop target: dragging a file over the window shows "Drop a CSV or Excel file to import"; dropping starts the import.
import { Center, Overlay, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useBulk } from './import-context';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function ImportDropZone() {
  const { flow, show } = useBulk();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Enter/leave fire for every child crossed: count them, the overlay hides when the pointer left the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser refuses the drop (and would open the file instead).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      show('import');
      void flow.getState().pickFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [flow, show]);

  if (!dragging) return null;
  return (
    <Overlay fixed zIndex={400} backgroundOpacity={0.55} blur={2} data-testid="import-drop-zone">
      <Center h="100%">
        <Stack align="center" gap="xs" p="xl" style={{ border: '3px dashed var(--mantine-color-blue-4)', borderRadius: 16, background: 'var(--mantine-color-body)' }}>
          <Title order={2}>Drop a CSV or Excel file to import</Title>
          <Text c="dimmed">Its columns are mapped and every row checked before anything is sent to Kartra.</Text>
        </Stack>
      </Center>
    </Overlay>
  );
}
