/**
 * How large one event may be on the simulator's sockets. The real API documents no limit; its
 * largest documented client event is an `input_audio_buffer.append` of up to 15 MiB, so the
 * simulator takes that plus room for the envelope, in both directions, and refuses the rest.
 */ export const SOCKET_MAX_EVENT_BYTES = 16 * 1024 * 1024;
/**
 * ws buffers a frame up to this before the simulator can look at it, and closes the connection
 * with 1009 beyond it (ws's own default is 100 MiB): an event slightly over the limit still gets
 * an `error` event, an absurd one does not get to occupy the process's memory.
 */ export const SOCKET_MAX_FRAME_BYTES = 2 * SOCKET_MAX_EVENT_BYTES;
/**
 * RFC 8841: without `a=max-message-size` a peer takes 64 KiB; 0 means it takes any size. werift
 * announces 65536 in the simulator's answer, Chromium 262144 in its offer.
 */ export function dataChannelLimit(announced) {
    if (announced === undefined) return 65_536;
    return announced === 0 ? Infinity : announced;
}

//# sourceMappingURL=message-limits.js.map