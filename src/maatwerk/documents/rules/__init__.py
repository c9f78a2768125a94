"""Pure rules of document intake (file types, finding the client, classifying): no Django."""
