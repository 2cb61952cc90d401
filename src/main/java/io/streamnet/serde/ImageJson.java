package io.streamnet.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import io.streamnet.data.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of an input image: {@code {"id": "train-7", "label": 7, "pixels": [784 integers 0-255]}}, UTF-8.
 * {@code label} absent or null means unlabelled (a request for a prediction). Fields may come in any order;
 * unknown fields are ignored. The id is the JSON {@code id} field: the record key is not needed and, when it
 * differs, the field wins (producers should still set key = id, which spreads images over partitions by id).
 * Read with Jackson's streaming parser, field by field, with no tree and no reflection.
 */
public final class ImageJson {

    private ImageJson() {
    }

    /** {@code {"id":"…","label":7,"pixels":[…]}} as UTF-8; the label is left out for an unlabelled image. */
    public static byte[] encode(Image image) {
        byte[] pixels = image.pixels();
        StringBuilder out = new StringBuilder(48 + image.id().length() + 4 * Image.PIXELS);
        out.append("{\"id\":");
        Json.appendString(out, image.id());
        if (image.isLabelled()) {
            out.append(",\"label\":").append(image.label());
        }
        out.append(",\"pixels\":[");
        for (int i = 0; i < Image.PIXELS; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(pixels[i] & 0xff);
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Validates and decodes a JSON value; never throws. */
    static Validation decode(byte[] value) {
        try (JsonParser p = Json.FACTORY.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Validation.rejected(RejectReason.MALFORMED, "not a JSON object");
            }
            String id = null;
            int label = Image.NO_LABEL;
            byte[] pixels = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = id(p);
                    case "label" -> label = label(p);
                    case "pixels" -> pixels = pixels(p);
                    default -> p.skipChildren(); // unknown fields are allowed, for forward compatibility
                }
            }
            if (p.nextToken() != null) {
                return Validation.rejected(RejectReason.MALFORMED, "more data after the JSON object");
            }
            if (id == null || id.isEmpty()) {
                return Validation.rejected(RejectReason.MISSING_ID, "no \"id\" field with a non-empty string");
            }
            if (pixels == null) {
                return Validation.rejected(RejectReason.PIXEL_COUNT, "no \"pixels\" field");
            }
            return new Validation.Accepted(new Image(id, label, pixels));
        } catch (Reject r) {
            return Validation.rejected(r.reason, r.getMessage());
        } catch (IOException e) {
            return Validation.rejected(RejectReason.MALFORMED, "not valid JSON: " + firstLine(e));
        }
    }

    private static String id(JsonParser p) throws IOException, Reject {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Reject(RejectReason.MISSING_ID, "id is " + Json.describe(p) + ", expected a string");
    }

    private static int label(JsonParser p) throws IOException, Reject {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Image.NO_LABEL;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == NumberType.INT) {
            int label = p.getIntValue();
            if (label >= 0 && label <= 9) {
                return label;
            }
        }
        throw new Reject(RejectReason.LABEL_VALUE, "label is " + Json.describe(p) + ", expected an integer 0-9 or null");
    }

    /** Exactly 784 integers 0-255; values past the 784th are only counted, for the message. */
    private static byte[] pixels(JsonParser p) throws IOException, Reject {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new Reject(RejectReason.PIXEL_COUNT, "pixels is " + Json.describe(p) + ", expected an array of "
                    + Image.PIXELS + " integers");
        }
        byte[] pixels = new byte[Image.PIXELS];
        int count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), count++) {
            if (t == null) {
                throw new Reject(RejectReason.MALFORMED, "not valid JSON: the pixels array is not closed");
            }
            if (count >= Image.PIXELS) {
                p.skipChildren();
                continue;
            }
            int v = t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == NumberType.INT ? p.getIntValue() : -1;
            if (v < 0 || v > 255) {
                throw new Reject(RejectReason.PIXEL_VALUE, "pixel " + count + " is " + Json.describe(p)
                        + ", expected an integer 0-255");
            }
            pixels[count] = (byte) v;
        }
        if (count != Image.PIXELS) {
            throw new Reject(RejectReason.PIXEL_COUNT, count + " pixels, expected " + Image.PIXELS);
        }
        return pixels;
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        int newline = message.indexOf('\n');
        return Json.abbreviate(newline < 0 ? message : message.substring(0, newline), 120);
    }

    /** A rejection found deep in the parse; cheap (no stack trace) and never leaves this class. */
    private static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient RejectReason reason;

        Reject(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
