package io.streamnet.model;

import io.streamnet.nn.Network;
import java.util.SplittableRandom;

/**
 * The model at one version: its hyperparameters, the network's parameters, how many updates
 * (the version) and images made it, the last training loss, and its prequential accuracy.
 * A {@link Trainer} advances it; everyone else reads it.
 */
public final class Model {
    private final Hyperparameters hyperparameters;
    private final Prequential prequential;
    private final Network network;
    private long version;
    private long imagesTrained;
    private double lastLoss;

    private Model(Hyperparameters hyperparameters, Network network, long version, long imagesTrained, double lastLoss,
                  Prequential prequential) {
        if (network.hidden() != hyperparameters.hidden()) {
            throw new IllegalArgumentException("network has H=" + network.hidden() + " but the hyperparameters say H="
                    + hyperparameters.hidden());
        }
        if (version < 0 || imagesTrained < 0) {
            throw new IllegalArgumentException("version and images trained must be >= 0, got " + version + " and "
                    + imagesTrained);
        }
        this.hyperparameters = hyperparameters;
        this.network = network;
        this.version = version;
        this.imagesTrained = imagesTrained;
        this.lastLoss = lastLoss;
        this.prequential = prequential;
    }

    /** Version 0: the network drawn from the hyperparameters' initialisation and seed. Same inputs, same bits. */
    public static Model initial(Hyperparameters h, int accuracyWindow) {
        Network net = Network.initialise(h.hidden(), h.init(), new SplittableRandom(h.seed()));
        return new Model(h, net, 0, 0, Double.NaN, new Prequential(accuracyWindow));
    }

    /** A model restored from its parts (by a decoder). */
    public static Model of(Hyperparameters h, Network network, long version, long imagesTrained, double lastLoss,
                           Prequential prequential) {
        return new Model(h, network, version, imagesTrained, lastLoss, prequential);
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    public Network network() {
        return network;
    }

    /** Updates applied since version 0. */
    public long version() {
        return version;
    }

    public long imagesTrained() {
        return imagesTrained;
    }

    /** Mean cross-entropy of the last applied batch, NaN before the first. */
    public double lastLoss() {
        return lastLoss;
    }

    public Prequential prequential() {
        return prequential;
    }

    /** Counts one update of {@code images}, already applied to the network in place. */
    void advance(int images, double loss) {
        version++;
        imagesTrained += images;
        lastLoss = loss;
    }

    public Model copy() {
        return new Model(hyperparameters, network.copy(), version, imagesTrained, lastLoss, prequential.copy());
    }

    /** Equal when every field, every parameter bit included, is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Model m && m.hyperparameters.equals(hyperparameters) && m.version == version
                && m.imagesTrained == imagesTrained && Double.compare(m.lastLoss, lastLoss) == 0
                && m.network.equals(network) && m.prequential.equals(prequential);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version) * 31 + network.hashCode();
    }

    @Override
    public String toString() {
        return "Model[" + network + ", " + hyperparameters + ", version=" + version + ", imagesTrained=" + imagesTrained
                + "]";
    }
}
