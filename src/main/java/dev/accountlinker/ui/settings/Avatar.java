package dev.accountlinker.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.SizeConverter;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

import java.util.ArrayList;
import java.util.List;

/**
 * A round picture over the person's initials, which show while the picture loads or when there is none. Its size
 * is set once, in the stylesheet ({@code -fx-avatar-size} on {@code .avatar}, app.css): the circle, the picture's
 * frame and its round clip follow it, and so does {@link #sizeProperty()}, the size a picture is loaded at. Declared
 * in FXML ({@code <Avatar fx:id="profilePicture"/>}); style classes {@code avatar}, {@code avatar-circle},
 * {@code avatar-initials}.
 */
public final class Avatar extends StackPane {
    private static final CssMetaData<Avatar, Number> SIZE =
            new CssMetaData<>("-fx-avatar-size", SizeConverter.getInstance(), 0.0) {
                @Override
                public boolean isSettable(Avatar avatar) {
                    return !avatar.size.isBound();
                }

                @Override
                public StyleableProperty<Number> getStyleableProperty(Avatar avatar) {
                    return avatar.size;
                }
            };

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(StackPane.getClassCssMetaData());
        all.add(SIZE);
        CSS_META_DATA = List.copyOf(all);
    }

    private final Circle circle = new Circle();
    private final Label initials = new Label();
    private final ImageView picture = new ImageView();
    private final Circle clip = new Circle();

    private final StyleableDoubleProperty size = new SimpleStyleableDoubleProperty(SIZE, this, "size", 0.0) {
        @Override
        protected void invalidated() {
            fitParts(get());
        }
    };

    public Avatar() {
        getStyleClass().add("avatar");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW); // its accessible text names whose picture it is
        circle.getStyleClass().add("avatar-circle");
        initials.getStyleClass().add("avatar-initials");
        picture.setPreserveRatio(true);
        picture.setClip(clip);
        getChildren().addAll(circle, initials, picture);
        fitParts(0);
    }

    private void fitParts(double side) {
        double radius = side / 2;
        circle.setRadius(radius);
        clip.setCenterX(radius);
        clip.setCenterY(radius);
        clip.setRadius(radius);
        picture.setFitWidth(side);
        picture.setFitHeight(side);
        requestLayout();
    }

    /** The initials shown under the picture. */
    public StringProperty initialsProperty() {
        return initials.textProperty();
    }

    /** The picture (none: the initials show). */
    public ObjectProperty<Image> imageProperty() {
        return picture.imageProperty();
    }

    public void setImage(Image image) {
        picture.setImage(image);
    }

    public Image getImage() {
        return picture.getImage();
    }

    /** The side of the square the avatar fills, from the stylesheet; 0 until the stylesheet is applied. */
    public ReadOnlyDoubleProperty sizeProperty() {
        return size;
    }

    public double getSize() {
        return size.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return size.get();
    }

    @Override
    protected double computeMinHeight(double width) {
        return size.get();
    }

    @Override
    protected double computePrefWidth(double height) {
        return size.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return size.get();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return size.get();
    }

    @Override
    protected double computeMaxHeight(double width) {
        return size.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }
}
