package org.hotbeat.streets;

import java.util.Arrays;

/**
 * A binary min-heap of node ids keyed by doubles, with decrease-key. GraphHopper's own heap keys
 * by float, which would order nearly equal distances wrongly; the hierarchy needs exact order.
 */
final class DoubleHeap {
  private final int[] heap;
  private final int[] position;   // index in heap + 1, 0 when absent
  private final double[] key;
  private int size;

  DoubleHeap(int capacity) {
    heap = new int[capacity];
    position = new int[capacity];
    key = new double[capacity];
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean contains(int node) {
    return position[node] != 0;
  }

  int peek() {
    return heap[0];
  }

  double peekKey() {
    return key[heap[0]];
  }

  /** Adds {@code node} or moves it to {@code k}, up or down. */
  void set(int node, double k) {
    if (position[node] == 0) {
      key[node] = k;
      place(size++, node);
      up(size - 1);
    } else {
      double old = key[node];
      key[node] = k;
      if (k < old) {
        up(position[node] - 1);
      } else {
        down(position[node] - 1);
      }
    }
  }

  int poll() {
    int top = heap[0];
    position[top] = 0;
    size--;
    if (size > 0) {
      place(0, heap[size]);
      down(0);
    }
    return top;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      position[heap[i]] = 0;
    }
    size = 0;
  }

  private void up(int i) {
    int node = heap[i];
    double k = key[node];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (key[heap[parent]] <= k) {
        break;
      }
      place(i, heap[parent]);
      i = parent;
    }
    place(i, node);
  }

  private void down(int i) {
    int node = heap[i];
    double k = key[node];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
        child++;
      }
      if (key[heap[child]] >= k) {
        break;
      }
      place(i, heap[child]);
      i = child;
    }
    place(i, node);
  }

  /** Puts {@code node} at heap slot {@code i} (positions count from 1; 0 means not queued). */
  private void place(int i, int node) {
    heap[i] = node;
    position[node] = i + 1;
  }

  @Override
  public String toString() {
    return "DoubleHeap" + Arrays.toString(Arrays.copyOf(heap, size));
  }
}
