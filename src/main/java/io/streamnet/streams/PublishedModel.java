package io.streamnet.streams;

import io.streamnet.model.Model;

/** The newest model snapshot an instance has, and when it was published (epoch ms). */
public record PublishedModel(Model model, long publishedAtMillis) {
}
