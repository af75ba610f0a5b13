import { TypedEventBus } from './typed-event-bus.js';

interface Events {
  error: { readonly code: string };
  ping: { readonly n: number };
}

describe(TypedEventBus.name, () => {
  it('delivers an event named "error" like any other, and emitting it unheard is harmless', () => {
    const sut = new TypedEventBus<Events>('test');
    expect(() => sut.emit('error', { code: 'x' })).not.toThrow();
    const heard: string[] = [];
    sut.on('error', ({ code }) => heard.push(code));
    sut.emit('error', { code: 'y' });
    expect(heard).toEqual(['y']);
  });

  it('runs listeners synchronously at emit, and a throwing one does not stop the others', () => {
    const sut = new TypedEventBus<Events>('test');
    const heard: number[] = [];
    sut.on('ping', () => {
      throw new Error('boom');
    });
    sut.on('ping', ({ n }) => heard.push(n));
    sut.emit('ping', { n: 1 });
    expect(heard).toEqual([1]);
  });

  it('stops delivering after unsubscribe', () => {
    const sut = new TypedEventBus<Events>('test');
    const heard: number[] = [];
    const stop = sut.on('ping', ({ n }) => heard.push(n));
    stop();
    sut.emit('ping', { n: 2 });
    expect(heard).toEqual([]);
  });
});
