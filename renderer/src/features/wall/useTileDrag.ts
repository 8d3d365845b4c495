import { useState } from 'react';
import type { DragEvent } from 'react';
import { useConsoleStore } from '../../store';

const MIME = 'application/x-wink-camera';

export interface TileDrag {
  /** Another tile is being dragged over this one. */
  over: boolean;
  props: {
    draggable?: boolean;
    onDragStart?: (event: DragEvent) => void;
    onDragOver?: (event: DragEvent) => void;
    onDragLeave?: () => void;
    onDrop?: (event: DragEvent) => void;
    onDragEnd?: () => void;
  };
}

/** Drag a tile onto another to swap them. The camera id travels under a private type, so
 *  a drop from anywhere else (a file, a link) is refused. */
export function useTileDrag(id: string, enabled: boolean): TileDrag {
  const swap = useConsoleStore((s) => s.swapWallTiles);
  const [over, setOver] = useState(false);
  if (!enabled) return { over: false, props: {} };

  const carriesTile = (event: DragEvent) => event.dataTransfer.types.includes(MIME);
  return {
    over,
    props: {
      draggable: true,
      onDragStart: (event) => {
        event.dataTransfer.setData(MIME, id);
        event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (event) => {
        if (!carriesTile(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (event) => {
        if (!carriesTile(event)) return;
        event.preventDefault();
        setOver(false);
        const from = event.dataTransfer.getData(MIME);
        if (from !== '' && from !== id) swap(from, id);
      },
      onDragEnd: () => setOver(false),
    },
  };
}
