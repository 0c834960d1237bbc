package com.example.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import org.apache.commons.io.serialization.ValidatingObjectInputStream;
import org.apache.commons.lang3.SerializationUtils;

public class SessionCodec {
    private final ObjectMapper mapper = new ObjectMapper();

    public Object read(InputStream body) throws IOException, ClassNotFoundException {
        // ruleid: java.unsafe-deserialization
        try (ObjectInputStream in = new ObjectInputStream(body)) {
            return in.readObject();
        }
    }

    public Object readXml(InputStream body) {
        // ruleid: java.unsafe-deserialization
        XMLDecoder decoder = new XMLDecoder(body);
        return decoder.readObject();
    }

    public Object fromBytes(byte[] data) {
        // ruleid: java.unsafe-deserialization
        return SerializationUtils.deserialize(data);
    }

    public Session readJson(InputStream body) throws IOException {
        // ok: java.unsafe-deserialization
        return mapper.readValue(body, Session.class);
    }

    public Object readAllowListed(byte[] data) throws IOException, ClassNotFoundException {
        // ok: java.unsafe-deserialization
        try (ValidatingObjectInputStream in = new ValidatingObjectInputStream(new ByteArrayInputStream(data))) {
            in.accept(Session.class);
            return in.readObject();
        }
    }

    public byte[] toBytes(Session session) {
        // ok: java.unsafe-deserialization
        return SerializationUtils.serialize(session);
    }
}
